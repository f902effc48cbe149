import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@ogp/auth';
import {
  CreateAreaDto,
  CreateCommitmentDto,
  CreateInstitutionDto,
  CreatePlanDto,
  ErrorCode,
  ImportPlanDto,
  PlansRpc,
  SetStrategyDto,
} from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { STAFF_ROLES } from '../access/all-roles.constant';
import { PageQueryDto } from '../http/page-query.dto';
import { AuthenticatedActor } from '../identity/jwt.strategy';
import { forwardedActor } from './forwarded-actor';

type Authed = { user: AuthenticatedActor };

/** Institutions, plans and areas: public to read, the coordination team to write. */
@ApiTags('plans')
@Controller()
export class PlansController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('institutions')
  institutions(@Query() page: PageQueryDto) {
    return this.rpc.request(PlansRpc.listInstitutions, { limit: page.limit, offset: page.offset });
  }

  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('institutions')
  createInstitution(@Req() req: Authed, @Body() dto: CreateInstitutionDto) {
    return this.rpc.request(PlansRpc.createInstitution, dto, { actor: forwardedActor(req.user) });
  }

  @Public()
  @Get('programmes/:id/plans')
  plans(@Param('id', new ParseUUIDPipe()) programmeId: string) {
    return this.rpc.request(PlansRpc.listPlans, { programmeId });
  }

  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('plans')
  createPlan(@Req() req: Authed, @Body() dto: CreatePlanDto) {
    return this.rpc.request(PlansRpc.createPlan, dto, { actor: forwardedActor(req.user) });
  }

  /** A whole plan from one JSON or CSV file, all or nothing (docs/plan-import.md). */
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('plans/import')
  importPlan(@Req() req: Authed, @Body() dto: ImportPlanDto) {
    return this.rpc.request(PlansRpc.importPlan, dto, { actor: forwardedActor(req.user), timeoutMs: 60000 });
  }

  @Public()
  @Get('plans/:id')
  plan(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.rpc.request(PlansRpc.getPlan, { id });
  }

  @Public()
  @Get('plans/:id/dashboard')
  dashboard(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.rpc.request(PlansRpc.planDashboard, { id });
  }

  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('areas')
  createArea(@Req() req: Authed, @Body() dto: CreateAreaDto) {
    return this.rpc.request(PlansRpc.createArea, dto, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('plans/:id/commitments')
  createCommitment(
    @Req() req: Authed,
    @Param('id', new ParseUUIDPipe()) planId: string,
    @Body() dto: CreateCommitmentDto,
  ) {
    return this.rpc.request(PlansRpc.createCommitment, { ...dto, planId }, { actor: forwardedActor(req.user) });
  }

  /** Chooses the tracking strategy of a programme, an institution or a commitment. */
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @Put('tracking-strategy')
  setStrategy(@Req() req: Authed, @Body() dto: SetStrategyDto) {
    return this.rpc.request(PlansRpc.setStrategy, dto, { actor: forwardedActor(req.user), timeoutMs: 30000 });
  }
}
