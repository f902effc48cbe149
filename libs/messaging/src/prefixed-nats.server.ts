import { randomUUID } from 'node:crypto';
import { ServerNats } from '@nestjs/microservices';
import { DomainError, ErrorCode, Header } from '@ogp/contracts';
import { parseActorId, requestContext } from '@ogp/runtime';
import type { Msg, NatsConnection } from 'nats';
import { withPrefix } from './subject';
import { batchWritesPerTick, natsConnectionOptions } from './nats-connection';

export interface PrefixedNatsServerOptions {
  url: string;
  /** Queue group: the service's name, so replicas share requests. */
  queue: string;
  prefix: string;
  name: string;
}

/**
 * Nest's NATS transport with two additions: every subject carries the deployment prefix, and
 * each request runs inside a request context holding the caller's correlation id, so every log
 * line of the handler carries it. A payload that is not JSON gets an error reply, not a crash.
 */
export class PrefixedNatsServer extends ServerNats {
  private readonly prefix: string;
  private readonly queue: string;

  constructor(options: PrefixedNatsServerOptions) {
    super({ ...natsConnectionOptions({ url: options.url, name: options.name }), queue: options.queue, gracefulShutdown: true, gracePeriod: 500 });
    this.prefix = options.prefix;
    this.queue = options.queue;
  }

  /** Replies leave in one write per turn of the event loop, not one each. */
  override async createNatsClient(): Promise<NatsConnection> {
    return batchWritesPerTick((await super.createNatsClient()) as NatsConnection);
  }

  override bindEvents(client: NatsConnection): void {
    const queue = this.queue;
    for (const channel of this.messageHandlers.keys()) {
      const sub = client.subscribe(withPrefix(this.prefix, channel), {
        queue,
        callback: (err, msg) => {
          if (err) return this.logger.error(err);
          void this.handleMessage(channel, msg);
        },
      });
      (this as unknown as { subscriptions: unknown[] }).subscriptions.push(sub);
    }
  }

  override async handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
    const correlationId = natsMsg.headers?.get(Header.CORRELATION_ID) || randomUUID();
    const actorId = parseActorId(natsMsg.headers?.get(Header.ACTOR));
    return requestContext.run({ correlationId, actorId }, async () => {
      try {
        return await super.handleMessage(channel, natsMsg);
      } catch (err) {
        this.logger.warn(`rejected an unreadable message on ${channel}: ${(err as Error).message}`);
        if (natsMsg.reply) {
          const body = new DomainError(ErrorCode.VALIDATION_FAILED, 'message is not a JSON request packet').toBody();
          natsMsg.respond(new TextEncoder().encode(JSON.stringify({ err: body, isDisposed: true })));
        }
        return undefined;
      }
    });
  }
}
