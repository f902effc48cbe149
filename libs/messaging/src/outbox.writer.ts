import { randomUUID } from 'node:crypto';
import { EventContract, EventEnvelope, eventSubject, Header } from '@ogp/contracts';
import { currentCorrelationId, injectTraceContext, requestContext } from '@ogp/runtime';
import { EntityManager } from 'typeorm';

export interface OutboxEventInput<T> {
  aggregate: { type: string; id: string };
  data: T;
  actorId?: string | null;
}

/** An outbox row ready to insert (envelope and headers as JSON text). */
export interface OutboxRow<T> {
  id: string;
  type: string;
  subject: string;
  envelope: string;
  headers: string;
  event: EventEnvelope<T>;
}

/** Set on a transaction's query runner when it wrote to the outbox; read after its commit. */
export const OUTBOX_WRITTEN = 'outboxWritten';

/**
 * Writes a domain event into the outbox with the caller's transaction, so the event exists if
 * and only if the change does. The relay publishes it afterwards.
 */
export class OutboxWriter {
  constructor(private readonly source: string) {}

  async add<T>(
    manager: EntityManager,
    contract: EventContract<T>,
    input: OutboxEventInput<T>,
  ): Promise<EventEnvelope<T>> {
    const row = this.prepare(manager, contract, input);
    await manager.query(`INSERT INTO outbox (id, type, subject, envelope, headers) VALUES ($1, $2, $3, $4, $5)`, [
      row.id,
      row.type,
      row.subject,
      row.envelope,
      row.headers,
    ]);
    return row.event;
  }

  /**
   * The outbox row `add` would insert, for a caller that writes it within its own statement (to
   * save round trips) in the same transaction: insert id, type, subject, envelope (jsonb) and
   * headers (jsonb) as given. The transaction is marked as having written events.
   */
  prepare<T>(manager: EntityManager, contract: EventContract<T>, input: OutboxEventInput<T>): OutboxRow<T> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox event ${contract.type} must be written inside a transaction`);
    }
    const correlationId = currentCorrelationId();
    const envelope: EventEnvelope<T> = {
      id: randomUUID(),
      type: contract.type,
      occurredAt: new Date().toISOString(),
      source: this.source,
      correlationId,
      actorId: input.actorId ?? requestContext.getStore()?.actorId,
      aggregate: input.aggregate,
      data: input.data,
    };
    const headers: Record<string, string> = { [Header.EVENT_TYPE]: contract.type };
    if (correlationId) headers[Header.CORRELATION_ID] = correlationId;
    injectTraceContext(headers); // stored with the row, relayed as JetStream headers: consumers continue the trace
    // No NOTIFY: commits that notify serialise on a global lock in Postgres. The relay of this
    // process is woken after the commit instead (OutboxCommitSubscriber); others poll.
    manager.queryRunner.data = { ...(manager.queryRunner.data ?? {}), [OUTBOX_WRITTEN]: true };
    return {
      id: envelope.id,
      type: contract.type,
      subject: eventSubject(contract.type),
      envelope: JSON.stringify(envelope),
      headers: JSON.stringify(headers),
      event: envelope,
    };
  }
}
