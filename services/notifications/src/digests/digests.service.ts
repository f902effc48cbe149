import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmailQueueRepository } from '../email/email-queue.repository';
import { digestEmail } from './digest-email';
import { DigestsRepository } from './digests.repository';

/** Daily digests for people who chose them. */
@Injectable()
export class DigestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly digests: DigestsRepository,
    private readonly emails: EmailQueueRepository,
  ) {}

  /** One e-mail per person gathering their waiting digest items; each item goes in one digest. */
  async sendDigests(): Promise<{ digests: number }> {
    return this.dataSource.transaction(async (m) => {
      const groups = await this.digests.waiting(m);
      for (const g of groups) {
        const { subject, body } = digestEmail(g.language, g.lines);
        await this.digests.markDigested(m, g.ids);
        await this.emails.queue(m, {
          id: randomUUID(),
          notificationId: randomUUID(),
          recipientId: g.recipientId,
          toAddress: g.toAddress,
          subject,
          body,
          status: 'pending',
          language: g.language,
        });
      }
      return { digests: groups.length };
    });
  }
}
