import { EventEnvelope, Header } from '@ogp/contracts';
import { eventsHandled, requestContext, traceConsumedEvent, watchGauge } from '@ogp/runtime';
import {
  AckPolicy,
  Consumer,
  ConsumerMessages,
  DeliverPolicy,
  headers as natsHeaders,
  JsMsg,
  nanos,
  NatsConnection,
} from 'nats';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { deadLetterSubject, eventsStreamName, withPrefix } from './subject';

export type EventHandler = (event: EventEnvelope, manager: EntityManager) => Promise<void>;
/**
 * Applies several events at once, in their order, with the effect of `EventHandler` called on each
 * in turn (set-based statements instead of a few per event). It runs in the batch's transaction,
 * without one event's request context (correlation id, actor).
 */
export type EventBatchHandler = (events: EventEnvelope[], manager: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  connection: NatsConnection;
  dataSource: DataSource;
  prefix: string;
  /** Durable consumer name; also the inbox key. One per consuming service (or purpose). */
  durable: string;
  /** Event types to receive, as a subject filter below `events.` (default: all). */
  filter?: string;
  handle: EventHandler;
  /**
   * The batch form of `handle`, used for a batch of events when given. If it fails, the batch is
   * rolled back and its events are applied one by one with `handle` (which finds the failing one).
   */
  handleBatch?: EventBatchHandler;
  logger: Logger;
  /** Deliveries before an event goes to the dead-letter subject. */
  maxAttempts?: number;
  backoffMs?: number[];
  /** Batches applied at once (each in its own transaction). */
  concurrency?: number;
  /** Events applied in one transaction (one commit) at most. */
  batchSize?: number;
}

const decoder = new TextDecoder();

interface Parsed {
  msg: JsMsg;
  event: EventEnvelope;
}

/**
 * A durable JetStream consumer that handles each event exactly once in effect: the handler runs
 * in a transaction that also records the event id in the inbox, the message is acked only after
 * that commit, a redelivered id is skipped, failures are retried with backoff and, after
 * maxAttempts, moved to `deadletter.<durable>.<type>`.
 *
 * Events arriving together are applied in batches: one transaction records all their ids in the
 * inbox with one statement, runs their handlers and commits once. A handler failing rolls its
 * batch back; that event takes the retry path alone and the rest of the batch is applied again.
 * (Handlers only write through the manager they are given: a batch applied again repeats nothing
 * outside the database.) With `handleBatch`, a batch's fresh events go to it in one call; if it
 * fails, the batch's events are applied one by one with `handle`. A pull that brings a single
 * message applies it with `handle` (both forms must do the same thing).
 */
export class EventConsumer {
  private messages: ConsumerMessages | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private unwatchLag: (() => void) | null = null;
  readonly stats = { handled: 0, duplicates: 0, retried: 0, deadLettered: 0 };

  constructor(private readonly options: EventConsumerOptions) {}

  get subjectFilter(): string {
    return withPrefix(this.options.prefix, `events.${this.options.filter ?? '>'}`);
  }

  async start(): Promise<void> {
    const { connection, prefix, durable } = this.options;
    const stream = eventsStreamName(prefix);
    const jsm = await connection.jetstreamManager();
    try {
      await jsm.consumers.info(stream, durable);
    } catch (err) {
      if ((err as { code?: string }).code !== '404') throw err;
      try {
        await jsm.consumers.add(stream, {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: this.subjectFilter,
          ack_wait: nanos(30000),
          max_ack_pending: 2000,
          max_deliver: -1,
        });
      } catch (addErr) {
        if (!/already in use|exists/i.test((addErr as Error).message)) throw addErr;
      }
    }
    const consumer = await connection.jetstream().consumers.get(stream, durable);
    this.unwatchLag = watchConsumerLag(durable, consumer);
    const concurrency = this.options.concurrency ?? 4;
    const batchSize = this.options.batchSize ?? 100;
    this.messages = await consumer.consume({ max_messages: Math.min(1000, Math.max(256, concurrency * batchSize)) });
    this.loopDone = this.run(this.messages, concurrency, batchSize);
  }

  /** Stops pulling, lets in-flight events finish (and ack), then returns. */
  async stop(): Promise<void> {
    this.messages?.stop();
    this.unwatchLag?.();
    await this.loopDone;
    this.messages = null;
  }

  /** Gathers the messages of one turn of the event loop (or batchSize of them) into a batch. */
  private async run(messages: ConsumerMessages, concurrency: number, batchSize: number): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    let batch: JsMsg[] = [];
    let turn: Promise<void> | null = null;
    const flush = () => {
      turn = null;
      if (batch.length === 0) return;
      const taken = batch;
      batch = [];
      const task: Promise<void> = this.processBatch(taken).finally(() => inFlight.delete(task));
      inFlight.add(task);
    };
    for await (const msg of messages) {
      batch.push(msg);
      if (batch.length >= batchSize) flush();
      else if (!turn) turn = new Promise<void>((resolve) => setImmediate(() => resolve(flush())));
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    flush();
    await Promise.allSettled(inFlight);
  }

  private async processBatch(msgs: JsMsg[]): Promise<void> {
    const parsed: Parsed[] = [];
    for (const msg of msgs) {
      const event = readEnvelope(msg);
      if (event) parsed.push({ msg, event });
      else await this.deadLetter(msg, 'unreadable', 'not an event envelope');
    }
    return this.applyBatch(parsed);
  }

  /**
   * One transaction for the batch. A handler failing rolls the whole batch back: that event is
   * retried later (or dead-lettered) as on its own, and the others are applied again without it.
   */
  private async applyBatch(parsed: Parsed[]): Promise<void> {
    if (parsed.length === 0) return;
    if (parsed.length === 1) return this.process(parsed[0].msg);
    const { dataSource, durable, handle, handleBatch } = this.options;
    const done: { msg: JsMsg; duplicate: boolean }[] = [];
    let failed: { item: Parsed; err: unknown } | null = null;
    try {
      await dataSource.transaction(async (manager) => {
        const inserted: { event_id: string }[] = await manager.query(
          `INSERT INTO inbox (consumer, event_id, type) SELECT $1, e.id, e.type FROM unnest($2::uuid[], $3::text[]) AS e(id, type) ON CONFLICT DO NOTHING RETURNING event_id`,
          [durable, parsed.map((p) => p.event.id), parsed.map((p) => p.event.type)],
        );
        const fresh = new Set(inserted.map((r) => r.event_id.toLowerCase()));
        if (handleBatch) {
          const applied: Parsed[] = [];
          for (const item of parsed) {
            const isFresh = fresh.delete(item.event.id.toLowerCase());
            done.push({ msg: item.msg, duplicate: !isFresh });
            if (isFresh) applied.push(item);
          }
          if (applied.length === 0) return;
          // Each event keeps its consumer span (when tracing is on), lasting as long as the batch.
          const batch = handleBatch(
            applied.map((p) => p.event),
            manager,
          );
          await Promise.all(
            applied.map((item) => {
              const traced = traceConsumedEvent(durable, item.event.type, () => item.msg.headers);
              return traced
                .run(() => batch)
                .catch((err: unknown) => {
                  traced.failed(err);
                  throw err;
                });
            }),
          );
          return;
        }
        for (const item of parsed) {
          if (!fresh.delete(item.event.id.toLowerCase())) {
            done.push({ msg: item.msg, duplicate: true });
            continue;
          }
          // Headers are read (decoded by nats.js) only when tracing is on.
          const traced = traceConsumedEvent(durable, item.event.type, () => item.msg.headers);
          try {
            await requestContext.run(
              { correlationId: item.event.correlationId ?? item.event.id, actorId: item.event.actorId },
              () => traced.run(() => handle(item.event, manager)),
            );
          } catch (err) {
            traced.failed(err);
            failed = { item, err };
            throw err;
          }
          done.push({ msg: item.msg, duplicate: false });
        }
      });
    } catch (err) {
      const failure = failed as { item: Parsed; err: unknown } | null;
      if (failure) {
        await this.retryLater(failure.item.msg, failure.item.event, failure.err);
        return this.applyBatch(parsed.filter((p) => p !== failure.item));
      }
      // The batch failed outside any one event's handler (an id that is not a uuid, a lost connection,
      // the batch handler): each event on its own.
      this.options.logger.warn(
        { err: (err as Error).message, events: parsed.length },
        'event batch failed; applying its events one by one',
      );
      for (const { msg } of parsed) await this.process(msg);
      return;
    }
    for (const { msg, duplicate } of done) {
      msg.ack();
      if (duplicate) this.stats.duplicates += 1;
      else this.stats.handled += 1;
      eventsHandled.inc({ consumer: durable, outcome: duplicate ? 'duplicate' : 'handled' });
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    let event: EventEnvelope;
    try {
      event = JSON.parse(decoder.decode(msg.data)) as EventEnvelope;
      if (!event || typeof event.id !== 'string' || typeof event.type !== 'string')
        throw new Error('not an event envelope');
    } catch (err) {
      await this.deadLetter(msg, 'unreadable', (err as Error).message);
      return;
    }
    // A consumer span continuing the trace of the request that wrote the event (headers from the outbox row).
    const traced = traceConsumedEvent(this.options.durable, event.type, () => msg.headers);
    await requestContext.run({ correlationId: event.correlationId ?? event.id, actorId: event.actorId }, () =>
      traced.run(async () => {
        const { dataSource, durable, handle } = this.options;
        try {
          let duplicate = false;
          await dataSource.transaction(async (manager) => {
            const inserted: unknown[] = await manager.query(
              `INSERT INTO inbox (consumer, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
              [durable, event.id, event.type],
            );
            if (inserted.length === 0) {
              duplicate = true;
              return;
            }
            await handle(event, manager);
          });
          msg.ack();
          if (duplicate) this.stats.duplicates += 1;
          else this.stats.handled += 1;
          eventsHandled.inc({ consumer: durable, outcome: duplicate ? 'duplicate' : 'handled' });
        } catch (err) {
          traced.failed(err);
          await this.retryLater(msg, event, err);
        }
      }),
    );
  }

  /** A failed event: redelivered after a backoff, or moved to dead letters after maxAttempts. */
  private async retryLater(msg: JsMsg, event: EventEnvelope, err: unknown): Promise<void> {
    const attempt = msg.info.deliveryCount;
    const maxAttempts = this.options.maxAttempts ?? 5;
    if (attempt >= maxAttempts) {
      await this.deadLetter(msg, event.type, (err as Error).message);
      return;
    }
    const backoff = this.options.backoffMs ?? [500, 2000, 5000, 15000, 30000];
    const delay = backoff[Math.min(attempt - 1, backoff.length - 1)];
    this.stats.retried += 1;
    eventsHandled.inc({ consumer: this.options.durable, outcome: 'retried' });
    this.options.logger.warn(
      { eventId: event.id, type: event.type, attempt, retryInMs: delay, err: (err as Error).message },
      'event handler failed',
    );
    msg.nak(delay);
  }

  private async deadLetter(msg: JsMsg, type: string, reason: string): Promise<void> {
    const { connection, prefix, durable } = this.options;
    const h = natsHeaders();
    h.set(Header.DEAD_LETTER_CONSUMER, durable);
    h.set(Header.DEAD_LETTER_REASON, reason.slice(0, 500));
    h.set('x-original-subject', msg.subject);
    try {
      await connection
        .jetstream()
        .publish(deadLetterSubject(prefix, durable, type.replace(/[^A-Za-z0-9_.-]/g, '_')), msg.data, {
          headers: h,
          msgID: `${durable}:${msg.seq}`,
        });
      msg.term();
      this.stats.deadLettered += 1;
      eventsHandled.inc({ consumer: durable, outcome: 'dead_lettered' });
      this.options.logger.error({ type, seq: msg.seq, reason: reason.slice(0, 200) }, 'event moved to dead letters');
    } catch (err) {
      // Could not park it: leave it for redelivery rather than lose it.
      msg.nak(5000);
      this.options.logger.error({ err: (err as Error).message }, 'dead-letter publish failed');
    }
  }
}

function readEnvelope(msg: JsMsg): EventEnvelope | null {
  try {
    const event = JSON.parse(decoder.decode(msg.data)) as EventEnvelope;
    return event && typeof event.id === 'string' && typeof event.type === 'string' ? event : null;
  } catch {
    return null;
  }
}

/** Consumer lag for Prometheus: messages not yet delivered, and delivered but not yet acked. */
function watchConsumerLag(durable: string, consumer: Consumer): () => void {
  // One consumer-info request per scrape serves both gauges.
  let read: { at: number; info: Promise<{ num_pending: number; num_ack_pending: number }> } | null = null;
  const info = () => {
    if (!read || Date.now() - read.at > 1000) read = { at: Date.now(), info: consumer.info() };
    return read.info;
  };
  const pending = watchGauge(
    'ogp_consumer_pending_messages',
    'JetStream messages not yet delivered to a durable consumer.',
    ['consumer'],
    async () => [{ labels: { consumer: durable }, value: (await info()).num_pending }],
  );
  const unacked = watchGauge(
    'ogp_consumer_ack_pending_messages',
    'JetStream messages delivered to a durable consumer and not yet acknowledged.',
    ['consumer'],
    async () => [{ labels: { consumer: durable }, value: (await info()).num_ack_pending }],
  );
  return () => {
    pending();
    unacked();
  };
}
