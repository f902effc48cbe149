import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { CommitmentsRpc, CreateAreaDto, CreateCommitmentDto, CreatePlanDto, ErrorCode } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** Plans, their areas and their commitments: public to read, the coordination team to write. */
@ApiTags('plans')
@Controller()
export class PlansController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('programmes/:id/plans')
  plans(@Param('id', uuid()) programmeId: string) {
    return this.rpc.request(CommitmentsRpc.listPlans, { programmeId });
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('plans')
  createPlan(@Req() req: AuthedRequest, @Body() dto: CreatePlanDto) {
    return this.rpc.request(CommitmentsRpc.createPlan, dto, asActor(req));
  }

  @Public()
  @Get('plans/:id')
  plan(@Param('id', uuid()) id: string) {
    return this.rpc.request(CommitmentsRpc.getPlan, { id });
  }

  @Public()
  @Get('plans/:id/dashboard')
  dashboard(@Param('id', uuid()) id: string) {
    return this.rpc.request(CommitmentsRpc.planDashboard, { id });
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('areas')
  createArea(@Req() req: AuthedRequest, @Body() dto: CreateAreaDto) {
    return this.rpc.request(CommitmentsRpc.createArea, dto, asActor(req));
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('plans/:id/commitments')
  createCommitment(@Req() req: AuthedRequest, @Param('id', uuid()) planId: string, @Body() dto: CreateCommitmentDto) {
    return this.rpc.request(CommitmentsRpc.createCommitment, { ...dto, planId }, asActor(req));
  }
}
