import { Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import { boundPage, InAppNotificationView, Page, PageQuery } from '@ogp/contracts';
import { InboxRepository } from './inbox.repository';

/** At most this many notifications are marked read by one request. */
const MARK_READ_LIMIT = 100;

/** A person's in-app notifications; each person sees only their own. */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: InboxRepository) {}

  async list(actor: Actor | null, query: PageQuery): Promise<Page<InAppNotificationView>> {
    assertRole(actor, RoleGroup.ALL);
    const { limit, offset } = boundPage(query);
    const { items, total } = await this.inbox.page(actor.id, limit, offset);
    return { items, total, limit, offset };
  }

  async unread(actor: Actor | null): Promise<{ unread: number }> {
    assertRole(actor, RoleGroup.ALL);
    return { unread: await this.inbox.unread(actor.id) };
  }

  async markRead(actor: Actor | null, ids: string[]): Promise<{ updated: number }> {
    assertRole(actor, RoleGroup.ALL);
    return { updated: await this.inbox.markRead(actor.id, ids.slice(0, MARK_READ_LIMIT)) };
  }
}
