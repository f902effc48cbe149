import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, Header, RpcContract } from '@ogp/contracts';
import { currentCorrelationId, injectTraceContext, requestContext } from '@ogp/runtime';
import { createInbox, headers as natsHeaders, Msg, NatsConnection, Subscription } from 'nats';
import { followLink } from './nats-connection';
import { withPrefix } from './subject';

export interface RpcCallOptions {
  /** The acting user, serialized as it travels (the gateway passes the verified token's claims). */
  actor?: unknown;
  correlationId?: string;
  timeoutMs?: number;
  idempotencyKey?: string;
  language?: string;
}

interface NestReply {
  err?: unknown;
  response?: unknown;
}

interface Pending {
  resolve: (msg: Msg) => void;
  reject: (err: DomainError) => void;
  timer: NodeJS.Timeout;
  subject: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Sends requests in the packet format of Nest's NATS transport ({pattern, data, id}) and turns
 * the reply into a value or a DomainError. Every call has a timeout. Replies come back on one
 * wildcard inbox subscription shared by all calls (no per-call subscription, no per-call Error).
 */
export class NatsRpcClient {
  private readonly pending = new Map<string, Pending>();
  private inbox: string | null = null;
  private subscription: Subscription | null = null;
  private nextId = 0;
  /** Connections whose status is watched, and whether each is linked to a server right now. */
  private readonly linked = new WeakMap<NatsConnection, { up: boolean }>();

  constructor(
    private readonly connection: () => NatsConnection,
    private readonly prefix: string,
    private readonly defaultTimeoutMs: number,
  ) {}

  async request<Req, Res>(contract: RpcContract<Req, Res>, data: Req, options: RpcCallOptions = {}): Promise<Res> {
    const nc = this.connection();
    if (nc.isClosed()) throw new DomainError(ErrorCode.UPSTREAM_UNAVAILABLE, 'messaging connection closed');
    // A publish while disconnected waits in a buffer that a reconnect may drop: refuse at once instead.
    if (!this.watch(nc).up) throw new DomainError(ErrorCode.UPSTREAM_UNAVAILABLE, 'messaging connection down');
    const inbox = this.ensureInbox(nc);
    const h = natsHeaders();
    h.set(Header.CORRELATION_ID, options.correlationId ?? currentCorrelationId() ?? randomUUID());
    if (options.actor) h.set(Header.ACTOR, JSON.stringify(options.actor));
    const store = requestContext.getStore();
    // The request being served reached this service (read by the gateway's public cache after a write).
    if (store) (store.services ??= new Set()).add(contract.subject.split('.', 1)[0]);
    // The key of the write being served (set by the gateway's idempotency interceptor) goes with its commands.
    const idempotencyKey = options.idempotencyKey ?? store?.idempotencyKey;
    if (idempotencyKey) h.set(Header.IDEMPOTENCY_KEY, idempotencyKey);
    if (options.language) h.set(Header.LANGUAGE, options.language);
    injectTraceContext(h); // W3C traceparent of the active span: the service's span continues this trace
    const token = (this.nextId = (this.nextId + 1) % Number.MAX_SAFE_INTEGER).toString(36);
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const reply = new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new DomainError(ErrorCode.UPSTREAM_TIMEOUT, `no answer on ${contract.subject} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(token, { resolve, reject, timer, subject: contract.subject });
    });
    nc.publish(
      withPrefix(this.prefix, contract.subject),
      encoder.encode(JSON.stringify({ pattern: contract.subject, data, id: token })),
      {
        reply: `${inbox}.${token}`,
        headers: h,
      },
    );
    const msg = await reply;
    if (msg.headers?.code === 503)
      throw new DomainError(ErrorCode.UPSTREAM_UNAVAILABLE, `no service answers ${contract.subject}`);
    let body: NestReply;
    try {
      body = JSON.parse(decoder.decode(msg.data)) as NestReply;
    } catch {
      throw new DomainError(ErrorCode.INTERNAL, `unreadable answer on ${contract.subject}`);
    }
    if (body.err !== undefined && body.err !== null) {
      if (DomainError.isBody(body.err)) throw new DomainError(body.err.code, body.err.message, body.err.details);
      throw new DomainError(ErrorCode.INTERNAL, `service failed on ${contract.subject}`);
    }
    return body.response as Res;
  }

  /** Follows the connection's status; on a disconnect, calls in flight fail at once (their reply cannot arrive). */
  private watch(nc: NatsConnection): { up: boolean } {
    let state = this.linked.get(nc);
    if (state) return state;
    const link = { up: true };
    state = link;
    this.linked.set(nc, link);
    followLink(nc, {
      down: () => {
        link.up = false;
        this.failPending('messaging connection lost before {subject} answered');
      },
      up: () => (link.up = true),
    });
    return link;
  }

  private failPending(reason: string): void {
    for (const [token, call] of this.pending) {
      clearTimeout(call.timer);
      call.reject(new DomainError(ErrorCode.UPSTREAM_UNAVAILABLE, reason.replace('{subject}', call.subject)));
      this.pending.delete(token);
    }
  }

  /** Fails every call still waiting (the connection is going away). */
  close(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.inbox = null;
    this.failPending('shutting down before {subject} answered');
  }

  private ensureInbox(nc: NatsConnection): string {
    if (this.inbox && this.subscription && !this.subscription.isClosed()) return this.inbox;
    const inbox = createInbox();
    this.subscription = nc.subscribe(`${inbox}.*`, {
      callback: (err, msg) => {
        if (err) return;
        const token = msg.subject.slice(inbox.length + 1);
        const call = this.pending.get(token);
        if (!call) return; // late answer after a timeout, or the "disposed" trailer
        this.pending.delete(token);
        clearTimeout(call.timer);
        call.resolve(msg);
      },
    });
    this.inbox = inbox;
    return inbox;
  }
}
