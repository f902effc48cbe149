import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { CommitmentsRpc, CreateInstitutionDto, ErrorCode } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';

/** The institutions that carry commitments: public to read, the coordination team to write. */
@ApiTags('plans')
@ApiOperationPrefix('plans')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get()
  institutions(@Query() page: PageQueryDto) {
    return this.rpc.request(CommitmentsRpc.listInstitutions, { limit: page.limit, offset: page.offset });
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post()
  createInstitution(@Req() req: AuthedRequest, @Body() dto: CreateInstitutionDto) {
    return this.rpc.request(CommitmentsRpc.createInstitution, dto, asActor(req));
  }
}
