import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { CommitmentsRpc, ErrorCode, ImportPlanDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';

/** A whole plan from one JSON or CSV file, all or nothing (docs/plan-import.md). */
@ApiTags('plans')
@ApiBearerAuth()
@ApiOperationPrefix('plans')
@Controller('plans/import')
export class PlanImportController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.COORDINATION)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post()
  importPlan(@Req() req: AuthedRequest, @Body() dto: ImportPlanDto) {
    return this.rpc.request(CommitmentsRpc.importPlan, dto, { ...asActor(req), timeoutMs: 60000 });
  }
}
