import { EventContract, EventEnvelope, eventSubject, Header } from '@ogp/contracts';
import { TIME_ORDERED_UUID_SQL, timeOrderedUuid } from '@ogp/persistence';
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

/** Events made from the rows of a query, for `OutboxWriter.insertFromSelect`. */
export interface OutboxSelect {
  /** The rows, one event each: a table or CTE name, or a parenthesised SELECT with an alias. */
  from: string;
  /** The aggregate's type, and its id as an SQL expression over the rows. */
  aggregate: { type: string; idSql: string };
  /** The event's data as a jsonb SQL expression over the rows (it must have the contract's shape). */
  dataSql: string;
  actorId?: string | null;
}

/** An INSERT of outbox rows and its bind parameters, numbered from the caller's first free one. */
export interface OutboxInsertSql {
  sql: string;
  params: unknown[];
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
    this.markWritten(manager);
    return this.row(contract, input);
  }

  /**
   * The outbox row `add` would insert, for a caller that writes it within one statement committed
   * on its own (no transaction around it, so none to mark): once that statement has returned, the
   * caller wakes this process's relay (OutboxRelay.kick), or the event waits for the relay's poll.
   */
  row<T>(contract: EventContract<T>, input: OutboxEventInput<T>): OutboxRow<T> {
    const envelope: EventEnvelope<T> = {
      id: timeOrderedUuid(),
      ...this.envelopeBase(contract, input.actorId),
      aggregate: input.aggregate,
      data: input.data,
    };
    return {
      id: envelope.id,
      type: contract.type,
      subject: eventSubject(contract.type),
      envelope: JSON.stringify(envelope),
      headers: JSON.stringify(this.headers(contract)),
      event: envelope,
    };
  }

  /**
   * An INSERT that writes one event per row of `select.from`, with the envelope and headers `add`
   * writes for one (correlation id, actor, trace context of the current request); for a set-based
   * statement (a sweep) that would otherwise build envelopes by hand. It ends `RETURNING id`, so it
   * can stand in a CTE. The caller runs it in its transaction and calls `markWritten` if it wrote.
   */
  insertFromSelect<T>(contract: EventContract<T>, select: OutboxSelect, firstParam = 1): OutboxInsertSql {
    const base = this.envelopeBase(contract, select.actorId);
    const [type, subject, envelope, aggregateType, headers] = [0, 1, 2, 3, 4].map((i) => `$${firstParam + i}`);
    return {
      sql: `INSERT INTO outbox (id, type, subject, envelope, headers)
            SELECT e.outbox_event_id, ${type}::text, ${subject}::text,
                   ${envelope}::jsonb || jsonb_build_object('id', e.outbox_event_id,
                     'aggregate', jsonb_build_object('type', ${aggregateType}::text, 'id', ${select.aggregate.idSql}),
                     'data', ${select.dataSql}),
                   ${headers}::jsonb
              FROM (SELECT ${TIME_ORDERED_UUID_SQL} AS outbox_event_id, * FROM ${select.from}) e
            RETURNING id`,
      params: [
        contract.type,
        eventSubject(contract.type),
        JSON.stringify(base),
        select.aggregate.type,
        JSON.stringify(this.headers(contract)),
      ],
    };
  }

  /** Marks the transaction as having written events, so this process's relay wakes after its commit. */
  markWritten(manager: EntityManager): void {
    if (!manager.queryRunner?.isTransactionActive)
      throw new Error('outbox events must be written inside a transaction');
    // No NOTIFY: commits that notify serialise on a global lock in Postgres. The relay of this
    // process is woken after the commit instead (OutboxCommitSubscriber); others poll.
    manager.queryRunner.data = { ...(manager.queryRunner.data ?? {}), [OUTBOX_WRITTEN]: true };
  }

  private envelopeBase<T>(
    contract: EventContract<T>,
    actorId: string | null | undefined,
  ): Omit<EventEnvelope<T>, 'id' | 'aggregate' | 'data'> {
    return {
      type: contract.type,
      occurredAt: new Date().toISOString(),
      source: this.source,
      correlationId: currentCorrelationId(),
      actorId: actorId ?? requestContext.getStore()?.actorId,
    };
  }

  private headers<T>(contract: EventContract<T>): Record<string, string> {
    const headers: Record<string, string> = { [Header.EVENT_TYPE]: contract.type };
    const correlationId = currentCorrelationId();
    if (correlationId) headers[Header.CORRELATION_ID] = correlationId;
    injectTraceContext(headers); // stored with the row, relayed as JetStream headers: consumers continue the trace
    return headers;
  }
}
