import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { NotificationsRpc, PreferenceDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';

/** How a person hears of each kind of event: at once, in a digest, or not at all. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiOperationPrefix('reporting')
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.ALL)
  @Get()
  preferences(@Req() req: AuthedRequest) {
    return this.rpc.request(NotificationsRpc.preferences, {}, asActor(req));
  }
  @Roles(...RoleGroup.ALL)
  @Put()
  setPreference(@Req() req: AuthedRequest, @Body() dto: PreferenceDto) {
    return this.rpc.request(NotificationsRpc.setPreference, dto, asActor(req));
  }
}
