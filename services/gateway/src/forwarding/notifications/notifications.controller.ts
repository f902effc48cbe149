import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { InAppNotificationView, MarkReadDto, NotificationsRpc, Page } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';

/** A person's own in-app notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.ALL)
  @Get()
  list(@Req() req: AuthedRequest, @Query() query: PageQueryDto): Promise<Page<InAppNotificationView>> {
    return this.rpc.request(NotificationsRpc.listInbox, { limit: query.limit, offset: query.offset }, asActor(req));
  }

  @Roles(...RoleGroup.ALL)
  @Get('unread-count')
  unread(@Req() req: AuthedRequest): Promise<{ unread: number }> {
    return this.rpc.request(NotificationsRpc.unreadCount, {}, asActor(req));
  }

  @Roles(...RoleGroup.ALL)
  @HttpCode(200)
  @Post('read')
  markRead(@Req() req: AuthedRequest, @Body() dto: MarkReadDto): Promise<{ updated: number }> {
    return this.rpc.request(NotificationsRpc.markRead, { ids: dto.ids }, asActor(req));
  }
}
