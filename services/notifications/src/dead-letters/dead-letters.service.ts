import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import { boundPage, deadLetterStreamName, DomainError, ErrorCode, Page, PageQuery } from '@ogp/contracts';
import { MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION } from '@ogp/messaging';
import { NatsConnection } from 'nats';
import { DeadEmailsRepository } from './dead-emails.repository';
import { DeadLetter } from './dead-letter';

/** Platform administration only: no role group but the admins. */

/** The dead letters admins look at: e-mails given up, and events no consumer could handle. */
@Injectable()
export class DeadLettersService {
  constructor(
    private readonly deadEmails: DeadEmailsRepository,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingModuleOptions,
  ) {}

  async list(actor: Actor | null, query: PageQuery): Promise<Page<DeadLetter>> {
    assertRole(actor, RoleGroup.ADMINS);
    const { limit, offset } = boundPage(query);
    const items: DeadLetter[] = (await this.deadEmails.latest()).map((e) => ({
      id: e.id,
      kind: 'email' as const,
      subject: e.subject,
      reason: e.reason,
      at: e.at.toISOString(),
    }));
    try {
      const jsm = await this.nc.jetstreamManager();
      const stream = deadLetterStreamName(this.messaging.prefix);
      const info = await jsm.streams.info(stream);
      for (let seq = info.state.last_seq; seq >= info.state.first_seq && seq > 0 && items.length < 500; seq--) {
        const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (!msg) continue;
        items.push({
          id: `event:${seq}`,
          kind: 'event',
          subject: msg.subject,
          reason: msg.header?.get('x-dead-letter-reason') ?? '',
          at: msg.time.toISOString(),
        });
      }
    } catch {
      // No dead-letter stream yet: nothing to show.
    }
    return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
  }

  /** A dead e-mail goes back to the sending queue, its attempts starting over; the sender picks it up at once. */
  async retry(actor: Actor | null, id: string): Promise<{ id: string; status: 'pending' }> {
    assertRole(actor, RoleGroup.ADMINS);
    if (!(await this.deadEmails.retry(id))) throw new DomainError(ErrorCode.NOT_FOUND, 'no such dead e-mail');
    return { id, status: 'pending' };
  }
}
