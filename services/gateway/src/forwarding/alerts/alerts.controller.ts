import { Body, Controller, Get, Param, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { AlertSettingsDto, AlertsQueryDto, CommitmentsRpc, ReportingRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** Alerts (overdue, late, silent commitments) and the programme settings that raise them. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiOperationPrefix('reporting')
@Controller()
export class AlertsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.COORDINATION, 'committee_member')
  @Get('alerts')
  alerts(@Req() req: AuthedRequest, @Query() q: AlertsQueryDto) {
    return this.rpc.request(ReportingRpc.listAlerts, q, asActor(req));
  }
  @Roles(...RoleGroup.COORDINATION)
  @Get('programmes/:id/alert-settings')
  readSettings(@Req() req: AuthedRequest, @Param('id', uuid()) programmeId: string) {
    // The commitments service owns them and checks the programme and the scope.
    return this.rpc.request(CommitmentsRpc.getProgrammeSettings, { programmeId }, asActor(req));
  }
  @Roles(...RoleGroup.COORDINATION)
  @Put('programmes/:id/alert-settings')
  settings(@Req() req: AuthedRequest, @Param('id', uuid()) programmeId: string, @Body() dto: AlertSettingsDto) {
    // The commitments service owns a programme's settings: it checks the programme, the scope and the shape again.
    return this.rpc.request(CommitmentsRpc.setProgrammeSettings, { programmeId, settings: dto }, asActor(req));
  }
}
