import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { InAppNotificationView, MarkReadDto, NotificationsRpc, Page } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { AuthenticatedActor } from '../../identity/jwt.strategy';
import { forwardedActor } from '../forwarded-actor';

/** A person's own in-app notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.ALL)
  @Get()
  list(
    @Req() request: { user: AuthenticatedActor },
    @Query() query: PageQueryDto,
  ): Promise<Page<InAppNotificationView>> {
    return this.rpc.request(
      NotificationsRpc.listInbox,
      { limit: query.limit, offset: query.offset },
      { actor: forwardedActor(request.user) },
    );
  }

  @Roles(...RoleGroup.ALL)
  @Get('unread-count')
  unread(@Req() request: { user: AuthenticatedActor }): Promise<{ unread: number }> {
    return this.rpc.request(NotificationsRpc.unreadCount, {}, { actor: forwardedActor(request.user) });
  }

  @Roles(...RoleGroup.ALL)
  @HttpCode(200)
  @Post('read')
  markRead(@Req() request: { user: AuthenticatedActor }, @Body() dto: MarkReadDto): Promise<{ updated: number }> {
    return this.rpc.request(NotificationsRpc.markRead, { ids: dto.ids }, { actor: forwardedActor(request.user) });
  }
}
