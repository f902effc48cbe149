import { Injectable } from '@nestjs/common';
import { EventContract } from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { EntityManager } from 'typeorm';
import { ChangeHistoryRepository } from './change-history.repository';

export interface CommitmentChangeEntry {
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * A change to a commitment, written in the change's transaction: into its public history, and,
 * when other services must learn it, into the outbox as an event about the commitment.
 */
@Injectable()
export class CommitmentJournal {
  constructor(
    private readonly history: ChangeHistoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async record<T>(
    m: EntityManager,
    commitmentId: string,
    actorId: string | null,
    change: CommitmentChangeEntry,
    event?: { contract: EventContract<T>; data: T },
  ): Promise<void> {
    await this.history.record(m, { entityType: 'commitment', entityId: commitmentId, actorId, ...change });
    if (event)
      await this.outbox.add(m, event.contract, {
        aggregate: { type: 'commitment', id: commitmentId },
        data: event.data,
        actorId,
      });
  }
}
