import { EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { OutboxRelay } from './outbox.relay';
import { OUTBOX_WRITTEN } from './outbox.writer';

/** Wakes this process's relay right after a transaction that wrote events commits. */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly relay: OutboxRelay) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (data?.[OUTBOX_WRITTEN]) {
      data[OUTBOX_WRITTEN] = false;
      this.relay.kick();
    }
  }
}
