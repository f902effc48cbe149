import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { InAppNotificationView, MarkReadDto, NotificationsRpc, Page } from '@ogp/contracts';
import { InboxPageDto } from './inbox-page.dto';
import { InboxService } from './inbox.service';

@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @MessagePattern(NotificationsRpc.listInbox.subject)
  list(@Payload() query: InboxPageDto, @RpcActor() actor: Actor | null): Promise<Page<InAppNotificationView>> {
    return this.inbox.list(actor, query);
  }

  @MessagePattern(NotificationsRpc.unreadCount.subject)
  unread(@RpcActor() actor: Actor | null): Promise<{ unread: number }> {
    return this.inbox.unread(actor);
  }

  @MessagePattern(NotificationsRpc.markRead.subject)
  markRead(@Payload() dto: MarkReadDto, @RpcActor() actor: Actor | null): Promise<{ updated: number }> {
    return this.inbox.markRead(actor, dto.ids);
  }
}
