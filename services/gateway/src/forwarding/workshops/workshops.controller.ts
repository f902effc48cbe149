import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import {
  AttendanceDto,
  CreateWorkshopDto,
  ErrorCode,
  IdeaTextDto,
  ParticipationRpc,
  RankProblemsDto,
  WorkshopOutputsDto,
} from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** Workshops of a cycle: anyone registers, the coordination team runs them and records what came out. */
@ApiTags('co-creation')
@ApiOperationPrefix('participation')
@Controller()
export class WorkshopsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('cycles/:id/workshops')
  workshops(@Param('id', uuid()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.listWorkshops, { cycleId });
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('workshops')
  createWorkshop(@Req() req: AuthedRequest, @Body() dto: CreateWorkshopDto) {
    return this.rpc.request(ParticipationRpc.createWorkshop, dto, asActor(req));
  }
  @Public()
  @Get('workshops/:id')
  workshop(@Param('id', uuid()) workshopId: string) {
    return this.rpc.request(ParticipationRpc.getWorkshop, { id: workshopId });
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.ALL)
  @ApiErrors(ErrorCode.WINDOW_NOT_OPEN, ErrorCode.WINDOW_CLOSED, ErrorCode.FULL, ErrorCode.CONFLICT)
  @Post('workshops/:id/registrations')
  register(@Req() req: AuthedRequest, @Param('id', uuid()) workshopId: string) {
    return this.rpc.request(ParticipationRpc.register, { workshopId }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.ALL)
  @Delete('workshops/:id/registrations/:code')
  cancel(@Req() req: AuthedRequest, @Param('id', uuid()) workshopId: string, @Param('code') code: string) {
    return this.rpc.request(
      ParticipationRpc.cancelRegistration,
      { workshopId, code: String(code).slice(0, 20) },
      asActor(req),
    );
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @Post('workshops/:id/attendance')
  attendance(@Req() req: AuthedRequest, @Param('id', uuid()) workshopId: string, @Body() dto: AttendanceDto) {
    return this.rpc.request(ParticipationRpc.markAttendance, { ...dto, workshopId }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @Post('workshops/:id/ideas')
  workshopIdea(@Req() req: AuthedRequest, @Param('id', uuid()) workshopId: string, @Body() dto: IdeaTextDto) {
    return this.rpc.request(ParticipationRpc.recordWorkshopIdea, { ...dto, workshopId }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @Put('workshops/:id/problems')
  problems(@Req() req: AuthedRequest, @Param('id', uuid()) workshopId: string, @Body() dto: RankProblemsDto) {
    return this.rpc.request(ParticipationRpc.rankProblems, { ...dto, workshopId }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @Put('workshops/:id/outputs')
  outputs(@Req() req: AuthedRequest, @Param('id', uuid()) workshopId: string, @Body() dto: WorkshopOutputsDto) {
    return this.rpc.request(ParticipationRpc.workshopOutputs, { ...dto, workshopId }, asActor(req));
  }
}
