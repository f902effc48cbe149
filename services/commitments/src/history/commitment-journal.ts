import { Injectable } from '@nestjs/common';
import { EventContract } from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { EntityManager } from 'typeorm';
import { ChangeHistoryRepository, JournalRows } from './change-history.repository';

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

  /** Writes one change, its history entry and its event, in one statement. */
  async record<T>(
    m: EntityManager,
    commitmentId: string,
    actorId: string | null,
    change: CommitmentChangeEntry,
    event?: { contract: EventContract<T>; data: T },
  ): Promise<void> {
    await this.history.write(m, this.rows(m, commitmentId, actorId).add(change, event));
  }

  /** Rows for a repository that writes them within the change's own statement (see journalCtes). */
  rows(m: EntityManager, commitmentId: string, actorId: string | null): CommitmentJournalRows {
    return new CommitmentJournalRows(m, this.outbox, commitmentId, actorId);
  }
}

/** A commitment's history entries and events, gathered in the order they happen. */
export class CommitmentJournalRows implements JournalRows {
  readonly entityType = 'commitment';
  readonly entries: JournalRows['entries'] = [];
  readonly events: JournalRows['events'] = [];

  constructor(
    private readonly m: EntityManager,
    private readonly outbox: OutboxWriter,
    readonly entityId: string,
    readonly actorId: string | null,
  ) {}

  add<T>(change: CommitmentChangeEntry, event?: { contract: EventContract<T>; data: T }): this {
    this.entries.push(change);
    if (event)
      this.events.push(
        this.outbox.prepare(this.m, event.contract, {
          aggregate: { type: 'commitment', id: this.entityId },
          data: event.data,
          actorId: this.actorId,
        }),
      );
    return this;
  }
}
