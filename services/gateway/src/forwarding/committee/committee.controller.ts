import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { CandidacyDto, EndSeatDto, ErrorCode, GovernmentSeatDto, ParticipationRpc, SelectionDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** The steering committee: associations apply, the coordination team selects and seats members. */
@ApiTags('co-creation')
@ApiOperationPrefix('participation')
@Controller()
export class CommitteeController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION, 'committee_member')
  @Get('cycles/:id/candidacies')
  candidacies(@Req() req: AuthedRequest, @Param('id', uuid()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.listCandidacies, { cycleId }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles('cso')
  @ApiErrors(ErrorCode.WINDOW_NOT_OPEN, ErrorCode.WINDOW_CLOSED)
  @Post('candidacies')
  apply(@Req() req: AuthedRequest, @Body() dto: CandidacyDto) {
    return this.rpc.request(ParticipationRpc.apply, dto, asActor(req));
  }
  @Public()
  @Get('committee')
  composition() {
    return this.rpc.request(ParticipationRpc.composition, {});
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post('committee/selection')
  select(@Req() req: AuthedRequest, @Body() dto: SelectionDto) {
    return this.rpc.request(ParticipationRpc.select, dto, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @Post('committee/government-seats')
  governmentSeat(@Req() req: AuthedRequest, @Body() dto: GovernmentSeatDto) {
    return this.rpc.request(ParticipationRpc.addGovernmentSeat, dto, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @Post('committee/seats/:id/end')
  endSeat(@Req() req: AuthedRequest, @Param('id', uuid()) seatId: string, @Body() dto: EndSeatDto) {
    return this.rpc.request(ParticipationRpc.endSeat, { ...dto, seatId }, asActor(req));
  }
}
