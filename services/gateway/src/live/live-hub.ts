import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  CommitmentsEvents,
  CommitmentsRpc,
  CompletionLevel,
  DomainError,
  ErrorCode,
  EventEnvelope,
  PlanDashboard,
} from '@ogp/contracts';
import { eventsStreamName, NATS_CONNECTION, NatsRpcClient, prefixedEventSubject } from '@ogp/messaging';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { ServerResponse } from 'node:http';
import { ConsumerMessages, DeliverPolicy, NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { GatewayConfig } from '../gateway.config';

/** What a live client receives after a progress change in its plan: every figure the plan page shows, no titles. */
export interface PlanProgressUpdate {
  planId: string;
  plan: { progress: number } | null;
  byArea: { areaId: string; progress: number; commitments: number }[];
  byInstitution: { institutionId: string; progress: number; commitments: number }[];
  byCompletionLevel: Record<CompletionLevel, number> | null;
  commitments: PlanDashboard['commitments'] | null;
  activities: PlanDashboard['activities'] | null;
  /** The commitments whose figures changed, with what the events said of them. */
  changed: { commitmentId: string; progress?: number; completionLevel?: CompletionLevel }[];
}

/** Events after which a plan's figures may differ. */
const PROGRESS_EVENTS = new Set<string>(
  [
    CommitmentsEvents.progressReported,
    CommitmentsEvents.progressChanged,
    CommitmentsEvents.completionLevelChanged,
    CommitmentsEvents.weightsChanged,
    CommitmentsEvents.activityAdded,
    CommitmentsEvents.activityRemoved,
    CommitmentsEvents.commitmentCreated,
  ].map((e) => e.type),
);

/** Events of one report arrive within milliseconds of each other: they make one update. */
const COALESCE_MS = 30;
/** A client that does not read is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 256 * 1024;
const decoder = new TextDecoder();

interface Connection {
  res: ServerResponse;
  client: string;
  planId: string;
}

interface Topic {
  connections: Set<Connection>;
  pending: { seq: number; changed: Map<string, { progress?: number; completionLevel?: CompletionLevel }> } | null;
  timer: NodeJS.Timeout | null;
  flushing: boolean;
  /** The last update sent, for a client reconnecting with Last-Event-ID. */
  last: { seq: number; frame: string } | null;
}

/**
 * Live progress for the gateway's server-sent event streams. One JetStream ordered consumer per
 * gateway replica (every replica sees every event; nothing shared, nothing durable) reads the
 * commitments' events; for a plan that has open streams, the events of one report are coalesced,
 * the plan's figures are read once, and the same frame is written to every stream of that plan.
 * Streams are bounded per client (IP, or account when signed in) and in all; a heartbeat comment
 * keeps proxies from closing idle streams; a closed stream leaves nothing behind.
 */
@Injectable()
export class LiveHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly topics = new Map<string, Topic>();
  private readonly perClient = new Map<string, number>();
  private connections = 0;
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> = Promise.resolve();
  private heartbeat: NodeJS.Timeout | null = null;
  /** Counters for tests and the benchmark: plan reads and frames written. */
  readonly counters = { events: 0, reads: 0, frames: 0, dropped: 0 };

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly rpc: NatsRpcClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const prefix = this.config.NATS_PREFIX;
    const consumer = await this.nats.jetstream().consumers.get(eventsStreamName(prefix), {
      // One subject (a list needs NATS 2.10; the servers here run 2.9).
      filterSubjects: prefixedEventSubject(prefix, 'commitments.>'),
      deliver_policy: DeliverPolicy.New,
    });
    const messages = await consumer.consume();
    this.messages = messages;
    this.loop = (async () => {
      for await (const msg of messages) this.onEvent(msg.seq, msg.data);
    })().catch((err: Error) => this.logger.error({ err: err.message }, 'live progress consumer stopped'));
    this.heartbeat = setInterval(() => this.beat(), this.config.LIVE_HEARTBEAT_SECONDS * 1000);
    this.heartbeat.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.messages?.stop();
    await this.loop;
    for (const topic of this.topics.values()) {
      if (topic.timer) clearTimeout(topic.timer);
      for (const connection of [...topic.connections]) connection.res.end();
    }
  }

  /** Refuses a stream past the client's bound (429) or the replica's (503); otherwise counts it. */
  admit(client: string): void {
    if (this.connections >= this.config.LIVE_MAX_CONNECTIONS) throw new DomainError(ErrorCode.UPSTREAM_UNAVAILABLE);
    if ((this.perClient.get(client) ?? 0) >= this.config.LIVE_MAX_PER_CLIENT)
      throw new DomainError(ErrorCode.RATE_LIMITED, undefined, { retryAfterSeconds: 30 });
  }

  /** Whether the plan has open streams here (then it is known to exist). */
  watched(planId: string): boolean {
    return this.topics.has(planId);
  }

  /** Opens a stream on an already-answered response (admitted just before); it ends when the client goes. */
  attach(res: ServerResponse, client: string, planId: string, lastEventId: number | null): void {
    const connection: Connection = { res, client, planId };
    let topic = this.topics.get(planId);
    if (!topic) {
      topic = { connections: new Set(), pending: null, timer: null, flushing: false, last: null };
      this.topics.set(planId, topic);
    }
    topic.connections.add(connection);
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
    this.connections += 1;
    res.once('close', () => this.detach(connection));
    res.write(`retry: ${this.config.LIVE_RETRY_MS}\n: live\n\n`);
    // Figures missed while reconnecting: the last update is a whole picture, so it is enough.
    if (lastEventId !== null && topic.last && topic.last.seq > lastEventId) this.send(connection, topic.last.frame);
  }

  stats(): { connections: number; topics: number; clients: number; closeListeners: number } {
    let closeListeners = 0;
    for (const topic of this.topics.values())
      for (const c of topic.connections) closeListeners += c.res.listenerCount('close');
    return { connections: this.connections, topics: this.topics.size, clients: this.perClient.size, closeListeners };
  }

  private detach(connection: Connection): void {
    const topic = this.topics.get(connection.planId);
    if (!topic?.connections.delete(connection)) return;
    this.connections -= 1;
    const left = (this.perClient.get(connection.client) ?? 1) - 1;
    if (left > 0) this.perClient.set(connection.client, left);
    else this.perClient.delete(connection.client);
    if (topic.connections.size === 0) {
      if (topic.timer) clearTimeout(topic.timer);
      this.topics.delete(connection.planId);
    }
  }

  private onEvent(seq: number, payload: Uint8Array): void {
    let event: EventEnvelope<{ planId?: unknown; commitmentId?: unknown; after?: unknown } | undefined>;
    try {
      event = JSON.parse(decoder.decode(payload)) as typeof event;
    } catch {
      return;
    }
    const data = event?.data;
    if (!PROGRESS_EVENTS.has(event?.type) || typeof data?.planId !== 'string') return;
    const planId = data.planId;
    const topic = this.topics.get(planId);
    if (!topic) return;
    this.counters.events += 1;
    const pending = (topic.pending ??= {
      seq,
      changed: new Map<string, { progress?: number; completionLevel?: CompletionLevel }>(),
    });
    pending.seq = Math.max(pending.seq, seq);
    if (typeof data.commitmentId === 'string') {
      const figures = pending.changed.get(data.commitmentId) ?? {};
      if (event.type === CommitmentsEvents.progressChanged.type && typeof data.after === 'number')
        figures.progress = data.after;
      if (event.type === CommitmentsEvents.completionLevelChanged.type)
        figures.completionLevel = data.after as CompletionLevel;
      pending.changed.set(data.commitmentId, figures);
    }
    this.schedule(planId, topic);
  }

  private schedule(planId: string, topic: Topic): void {
    if (topic.timer || topic.flushing) return;
    topic.timer = setTimeout(() => void this.flush(planId, topic), COALESCE_MS);
  }

  private async flush(planId: string, topic: Topic): Promise<void> {
    topic.timer = null;
    const batch = topic.pending;
    topic.pending = null;
    if (!batch) return;
    topic.flushing = true;
    let dashboard: PlanDashboard | null = null;
    try {
      this.counters.reads += 1;
      dashboard = await this.rpc.request(CommitmentsRpc.planDashboard, { id: planId, fresh: true });
    } catch (err) {
      // The commitments' own figures still go out; the plan's come with the next report.
      this.logger.warn({ planId, err: (err as Error).message }, 'live progress: plan figures unavailable');
    }
    const update: PlanProgressUpdate = {
      planId,
      plan: dashboard ? { progress: dashboard.plan.progress } : null,
      byArea: dashboard?.byArea.map(({ areaId, progress, commitments }) => ({ areaId, progress, commitments })) ?? [],
      byInstitution:
        dashboard?.byInstitution.map(({ institutionId, progress, commitments }) => ({
          institutionId,
          progress,
          commitments,
        })) ?? [],
      byCompletionLevel: dashboard?.byCompletionLevel ?? null,
      commitments: dashboard?.commitments ?? null,
      activities: dashboard?.activities ?? null,
      changed: [...batch.changed].map(([commitmentId, figures]) => ({ commitmentId, ...figures })),
    };
    const frame = `id: ${batch.seq}\nevent: progress\ndata: ${JSON.stringify(update)}\n\n`;
    topic.last = { seq: batch.seq, frame };
    for (const connection of [...topic.connections]) this.send(connection, frame);
    topic.flushing = false;
    if (topic.pending && this.topics.get(planId) === topic) this.schedule(planId, topic);
  }

  private send(connection: Connection, frame: string): void {
    if (connection.res.writableLength > MAX_BUFFERED_BYTES) {
      this.counters.dropped += 1;
      connection.res.destroy();
      return;
    }
    connection.res.write(frame);
    this.counters.frames += 1;
  }

  private beat(): void {
    for (const topic of this.topics.values())
      for (const connection of topic.connections) connection.res.write(': heartbeat\n\n');
  }
}
