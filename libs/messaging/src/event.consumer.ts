import { EventEnvelope, Header } from '@ogp/contracts';
import { eventsHandled, requestContext, traceConsumedEvent, watchGauge } from '@ogp/runtime';
import { AckPolicy, Consumer, ConsumerMessages, DeliverPolicy, headers as natsHeaders, JsMsg, nanos, NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { deadLetterSubject, eventsStreamName, withPrefix } from './subject';

export type EventHandler = (event: EventEnvelope, manager: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  connection: NatsConnection;
  dataSource: DataSource;
  prefix: string;
  /** Durable consumer name; also the inbox key. One per consuming service (or purpose). */
  durable: string;
  /** Event types to receive, as a subject filter below `events.` (default: all). */
  filter?: string;
  handle: EventHandler;
  logger: Logger;
  /** Deliveries before an event goes to the dead-letter subject. */
  maxAttempts?: number;
  backoffMs?: number[];
  concurrency?: number;
}

const decoder = new TextDecoder();

/**
 * A durable JetStream consumer that handles each event exactly once in effect: the handler runs
 * in a transaction that also records the event id in the inbox, the message is acked only after
 * that commit, a redelivered id is skipped, failures are retried with backoff and, after
 * maxAttempts, moved to `deadletter.<durable>.<type>`.
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
    const concurrency = this.options.concurrency ?? 16;
    this.messages = await consumer.consume({ max_messages: concurrency * 8 });
    this.loopDone = this.run(this.messages, concurrency);
  }

  /** Stops pulling, lets in-flight events finish (and ack), then returns. */
  async stop(): Promise<void> {
    this.messages?.stop();
    this.unwatchLag?.();
    await this.loopDone;
    this.messages = null;
  }

  private async run(messages: ConsumerMessages, concurrency: number): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for await (const msg of messages) {
      const task: Promise<void> = this.process(msg).finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.allSettled(inFlight);
  }

  private async process(msg: JsMsg): Promise<void> {
    let event: EventEnvelope;
    try {
      event = JSON.parse(decoder.decode(msg.data)) as EventEnvelope;
      if (!event || typeof event.id !== 'string' || typeof event.type !== 'string') throw new Error('not an event envelope');
    } catch (err) {
      await this.deadLetter(msg, 'unreadable', (err as Error).message);
      return;
    }
    // A consumer span continuing the trace of the request that wrote the event (headers from the outbox row).
    const traced = traceConsumedEvent(this.options.durable, event.type, msg.headers);
    await requestContext.run({ correlationId: event.correlationId ?? event.id, actorId: event.actorId }, () => traced.run(async () => {
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
        this.options.logger.warn({ eventId: event.id, type: event.type, attempt, retryInMs: delay, err: (err as Error).message }, 'event handler failed');
        msg.nak(delay);
      }
    }));
  }

  private async deadLetter(msg: JsMsg, type: string, reason: string): Promise<void> {
    const { connection, prefix, durable } = this.options;
    const h = natsHeaders();
    h.set(Header.DEAD_LETTER_CONSUMER, durable);
    h.set(Header.DEAD_LETTER_REASON, reason.slice(0, 500));
    h.set('x-original-subject', msg.subject);
    try {
      await connection.jetstream().publish(deadLetterSubject(prefix, durable, type.replace(/[^A-Za-z0-9_.-]/g, '_')), msg.data, { headers: h, msgID: `${durable}:${msg.seq}` });
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

/** Consumer lag for Prometheus: messages not yet delivered, and delivered but not yet acked. */
function watchConsumerLag(durable: string, consumer: Consumer): () => void {
  // One consumer-info request per scrape serves both gauges.
  let read: { at: number; info: Promise<{ num_pending: number; num_ack_pending: number }> } | null = null;
  const info = () => {
    if (!read || Date.now() - read.at > 1000) read = { at: Date.now(), info: consumer.info() };
    return read.info;
  };
  const pending = watchGauge('ogp_consumer_pending_messages', 'JetStream messages not yet delivered to a durable consumer.', ['consumer'], async () => [
    { labels: { consumer: durable }, value: (await info()).num_pending },
  ]);
  const unacked = watchGauge('ogp_consumer_ack_pending_messages', 'JetStream messages delivered to a durable consumer and not yet acknowledged.', ['consumer'], async () => [
    { labels: { consumer: durable }, value: (await info()).num_ack_pending },
  ]);
  return () => {
    pending();
    unacked();
  };
}
