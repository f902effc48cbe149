import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, Header, RpcContract } from '@ogp/contracts';
import { currentCorrelationId } from '@ogp/runtime';
import { ErrorCode as NatsErrorCode, headers as natsHeaders, NatsConnection, NatsError } from 'nats';
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
  isDisposed?: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Sends a request in the packet format of Nest's NATS transport ({pattern, data, id}) and turns
 * the reply into a value or a DomainError. Every call has a timeout.
 */
export class NatsRpcClient {
  constructor(
    private readonly connection: () => NatsConnection,
    private readonly prefix: string,
    private readonly defaultTimeoutMs: number,
  ) {}

  async request<Req, Res>(contract: RpcContract<Req, Res>, data: Req, options: RpcCallOptions = {}): Promise<Res> {
    const h = natsHeaders();
    h.set(Header.CORRELATION_ID, options.correlationId ?? currentCorrelationId() ?? randomUUID());
    if (options.actor) h.set(Header.ACTOR, JSON.stringify(options.actor));
    if (options.idempotencyKey) h.set(Header.IDEMPOTENCY_KEY, options.idempotencyKey);
    if (options.language) h.set(Header.LANGUAGE, options.language);
    const packet = encoder.encode(JSON.stringify({ pattern: contract.subject, data, id: randomUUID() }));
    let raw: Uint8Array;
    try {
      const msg = await this.connection().request(withPrefix(this.prefix, contract.subject), packet, {
        timeout: options.timeoutMs ?? this.defaultTimeoutMs,
        headers: h,
      });
      raw = msg.data;
    } catch (err) {
      const code = (err as NatsError).code;
      if (code === NatsErrorCode.Timeout) throw new DomainError(ErrorCode.UPSTREAM_TIMEOUT, `no answer on ${contract.subject}`);
      if (code === NatsErrorCode.NoResponders) throw new DomainError(ErrorCode.UPSTREAM_UNAVAILABLE, `no service answers ${contract.subject}`);
      throw new DomainError(ErrorCode.UPSTREAM_UNAVAILABLE, `request on ${contract.subject} failed`);
    }
    const reply = JSON.parse(decoder.decode(raw)) as NestReply;
    if (reply.err !== undefined && reply.err !== null) {
      if (DomainError.isBody(reply.err)) throw new DomainError(reply.err.code, reply.err.message, reply.err.details);
      throw new DomainError(ErrorCode.INTERNAL, `service failed on ${contract.subject}`);
    }
    return reply.response as Res;
  }
}
