import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { HealthRegistry, LOGGER, watchGauge } from '@ogp/runtime';
import { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { connectNats } from './nats-connection';
import { NatsRpcClient } from './nats-rpc.client';
import { OutboxWriter } from './outbox.writer';
import { OutboxRelay } from './outbox.relay';
import { ensureEventStreams } from './event-streams';
import { EventConsumer, EventConsumerOptions } from './event.consumer';
import { OutboxCommitSubscriber } from './outbox-commit.subscriber';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingModuleOptions {
  service: string;
  url: string;
  prefix: string;
  /** The service's own schema: where its outbox and inbox live. */
  schema: string;
  requestTimeoutMs: number;
  /** Run the outbox relay in this process (default true). */
  relay?: boolean;
  /** Copies of each JetStream stream (3 on a three-node cluster; default 1). */
  streamReplicas?: number;
}

/** Creates the event consumers a service declares, and stops them before the database closes. */
@Injectable()
export class EventConsumers implements OnModuleDestroy {
  private readonly consumers: EventConsumer[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
  ) {}

  async start(
    options: Pick<
      EventConsumerOptions,
      'durable' | 'filter' | 'handle' | 'handleBatch' | 'maxAttempts' | 'backoffMs' | 'concurrency'
    >,
  ): Promise<EventConsumer> {
    const consumer = new EventConsumer({
      ...options,
      connection: this.connection,
      dataSource: this.dataSource,
      prefix: this.options.prefix,
      logger: this.logger.child({ consumer: options.durable }),
    });
    await consumer.start();
    this.consumers.push(consumer);
    return consumer;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly unwatchOutbox: () => void;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    private readonly relay: OutboxRelay,
    private readonly rpc: NatsRpcClient,
    dataSource: DataSource,
    health: HealthRegistry,
  ) {
    dataSource.subscribers.push(new OutboxCommitSubscriber(relay));
    health.register('nats', async () => {
      if (this.connection.isClosed()) throw new Error('connection closed');
      await this.connection.flush();
    });
    this.unwatchOutbox = watchOutboxLag(dataSource, options.service);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.relay !== false) await this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unwatchOutbox();
    await this.relay.stop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.rpc.close();
    if (!this.connection.isClosed()) await this.connection.drain().catch(() => undefined);
  }
}

/** Outbox lag for Prometheus: rows not yet relayed to JetStream, and the age of the oldest (0 when none). */
function watchOutboxLag(dataSource: DataSource, service: string): () => void {
  let read: { at: number; rows: Promise<{ count: number; age: number }> } | null = null;
  const lag = () => {
    if (!read || Date.now() - read.at > 1000) {
      const rows: Promise<{ count: number; age: number }> = dataSource
        .query(
          `SELECT count(*)::int AS count, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age FROM outbox WHERE published_at IS NULL`,
        )
        .then((r: { count: number; age: number }[]) => r[0]);
      read = { at: Date.now(), rows };
    }
    return read.rows;
  };
  const count = watchGauge(
    'ogp_outbox_unrelayed_rows',
    'Outbox rows committed and not yet published to JetStream.',
    ['owner'],
    async () => [{ labels: { owner: service }, value: (await lag()).count }],
  );
  const age = watchGauge(
    'ogp_outbox_oldest_unrelayed_age_seconds',
    'Age of the oldest outbox row not yet published to JetStream.',
    ['owner'],
    async () => [{ labels: { owner: service }, value: (await lag()).age }],
  );
  return () => {
    count();
    age();
  };
}

/**
 * NATS for a service: one connection, the typed RPC client, the outbox writer and relay, and
 * the event streams ensured at boot.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: NATS_CONNECTION,
          useFactory: async () => {
            const connection = await connectNats({ url: options.url, name: options.service });
            await ensureEventStreams(await connection.jetstreamManager(), options.prefix, options.streamReplicas ?? 1);
            return connection;
          },
        },
        {
          provide: NatsRpcClient,
          inject: [NATS_CONNECTION],
          useFactory: (connection: NatsConnection) =>
            new NatsRpcClient(() => connection, options.prefix, options.requestTimeoutMs),
        },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(options.service) },
        {
          provide: OutboxRelay,
          inject: [NATS_CONNECTION, DataSource, LOGGER],
          useFactory: (connection: NatsConnection, dataSource: DataSource, logger: Logger) =>
            new OutboxRelay({
              dataSource,
              publisher: connection.jetstream(),
              prefix: options.prefix,
              logger: logger.child({ component: 'outbox-relay' }),
              pollIntervalMs: 250,
            }),
        },
        EventConsumers,
        MessagingLifecycle,
      ],
      exports: [NATS_CONNECTION, MESSAGING_OPTIONS, NatsRpcClient, OutboxWriter, OutboxRelay, EventConsumers],
    };
  }
}
