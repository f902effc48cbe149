import { randomUUID } from 'node:crypto';
import { ServerNats } from '@nestjs/microservices';
import { DomainError, ErrorCode, Header } from '@ogp/contracts';
import { observeRpc, parseActorId, recordRpcReply, requestContext, RpcOutcome } from '@ogp/runtime';
import type { Msg, NatsConnection } from 'nats';
import type { Logger as PinoLogger } from 'pino';
import { withPrefix } from './subject';
import { batchWritesPerTick, natsConnectionOptions } from './nats-connection';

export interface PrefixedNatsServerOptions {
  url: string;
  /** Queue group: the service's name, so replicas share requests. */
  queue: string;
  prefix: string;
  name: string;
  /** Where the access-log line of each handled request goes. */
  logger?: PinoLogger;
}

/**
 * Nest's NATS transport with two additions: every subject carries the deployment prefix, and
 * each request runs inside a request context holding the caller's correlation id, so every log
 * line of the handler carries it. A payload that is not JSON gets an error reply, not a crash.
 */
export class PrefixedNatsServer extends ServerNats {
  private readonly prefix: string;
  private readonly queue: string;
  private readonly accessLog?: PinoLogger;
  /** The outcome of each request in flight, filled when its reply is published. */
  private readonly outcomes = new WeakMap<Msg, RpcOutcome>();

  constructor(options: PrefixedNatsServerOptions) {
    super({
      ...natsConnectionOptions({ url: options.url, name: options.name }),
      queue: options.queue,
      gracefulShutdown: true,
      gracePeriod: 500,
    });
    this.prefix = options.prefix;
    this.queue = options.queue;
    this.accessLog = options.logger?.child({ component: 'access' });
  }

  /** Each handler's route, worked out once (Nest parses the pattern as JSON, and throws, per message). */
  private readonly routes = new Map<string, string>();

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
          if (err) this.logger.error(err);
          else void this.handleMessage(channel, msg);
        },
      });
      (this as unknown as { subscriptions: unknown[] }).subscriptions.push(sub);
    }
  }

  override async handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
    const correlationId = natsMsg.headers?.get(Header.CORRELATION_ID) || randomUUID();
    const actorId = parseActorId(natsMsg.headers?.get(Header.ACTOR));
    const outcome: RpcOutcome = { outcome: 'NO_REPLY' };
    this.outcomes.set(natsMsg, outcome);
    return requestContext.run({ correlationId, actorId }, () => {
      const handle = () => this.handleReadable(channel, natsMsg);
      // A span continuing the caller's trace, RED metrics and one access-log line per request.
      return this.accessLog
        ? observeRpc(this.accessLog, channel, natsMsg.headers, correlationId, outcome, handle)
        : handle();
    });
  }

  private async handleReadable(channel: string, natsMsg: Msg): Promise<unknown> {
    try {
      return await super.handleMessage(channel, natsMsg);
    } catch (err) {
      this.logger.warn(`rejected an unreadable message on ${channel}: ${(err as Error).message}`);
      const body = new DomainError(ErrorCode.VALIDATION_FAILED, 'message is not a JSON request packet').toBody();
      recordRpcReply(this.outcomes.get(natsMsg), { err: body });
      if (natsMsg.reply) natsMsg.respond(new TextEncoder().encode(JSON.stringify({ err: body, isDisposed: true })));
      return undefined;
    }
  }

  /** The channels asked about are the handlers' own (bindEvents): a bounded set, kept. */
  override getRouteFromPattern(pattern: string): string {
    let route = this.routes.get(pattern);
    if (route === undefined) {
      route = super.getRouteFromPattern(pattern);
      if (this.routes.size < 10_000) this.routes.set(pattern, route);
    }
    return route;
  }

  override getPublisher(
    natsMsg: Msg,
    id: string,
    ctx: Parameters<ServerNats['getPublisher']>[2],
  ): (response: unknown) => unknown {
    const publish = super.getPublisher(natsMsg, id, ctx);
    return (response: unknown) => {
      recordRpcReply(this.outcomes.get(natsMsg), response as { err?: unknown });
      return publish(response) as unknown;
    };
  }
}
