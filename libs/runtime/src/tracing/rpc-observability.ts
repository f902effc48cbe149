import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ERROR_STATUS, ErrorCode } from '@ogp/contracts';
import type { Logger } from 'pino';
import { rpcDuration, rpcHandled } from './metrics';
import { extractTraceContext, HeaderSource } from './propagation';
import { tracer, tracingEnabled, traceIdOf } from './tracing';

/**
 * What a handled request answered: OK, or the code of the error it replied with. Nest publishes
 * the reply after the handler's promise settles, so the request is finished (counted, logged,
 * its span ended) when its reply packet goes out, through `finish`.
 */
export interface RpcOutcome {
  outcome: string;
  finish?: () => void;
}

/** Reads the outcome off the packet a Nest NATS handler replies with ({response} or {err}), and finishes the request. */
export function recordRpcReply(
  outcome: RpcOutcome | undefined,
  packet: { err?: unknown; response?: unknown; isDisposed?: boolean },
): void {
  if (!outcome || outcome.outcome !== 'NO_REPLY') return;
  if (packet.err !== undefined && packet.err !== null) {
    const code = (packet.err as { code?: unknown }).code;
    outcome.outcome = typeof code === 'string' ? code : ErrorCode.INTERNAL;
  } else if ('response' in packet || packet.isDisposed) {
    outcome.outcome = 'OK';
  } else {
    return;
  }
  outcome.finish?.();
}

/**
 * Runs the handling of one NATS request inside a server span continuing the caller's trace
 * (W3C context from the message headers); when its reply leaves (or the handling throws),
 * counts it per subject and writes one JSON access-log line: subject, outcome, status,
 * duration, correlation id, trace id. No payload.
 */
export async function observeRpc<T>(
  logger: Logger,
  subject: string,
  headers: HeaderSource,
  correlationId: string,
  outcome: RpcOutcome,
  run: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const parent = tracingEnabled() ? extractTraceContext(headers) : null;
  const span = parent
    ? tracer().startSpan(
        `rpc ${subject}`,
        { kind: SpanKind.SERVER, attributes: { 'rpc.system': 'nats', 'rpc.method': subject } },
        parent,
      )
    : undefined;
  const traceId = traceIdOf(span);
  let finished = false;
  outcome.finish = () => {
    if (finished) return;
    finished = true;
    const seconds = (performance.now() - started) / 1000;
    const status =
      outcome.outcome === 'OK'
        ? 200
        : outcome.outcome === 'NO_REPLY'
          ? 500
          : (ERROR_STATUS[outcome.outcome as ErrorCode] ?? 500);
    rpcHandled.inc({ subject, outcome: outcome.outcome, status: String(status) });
    rpcDuration.observe({ subject }, seconds);
    if (span) {
      span.setAttribute('rpc.outcome', outcome.outcome);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.outcome });
      span.end();
    }
    logger.info(
      {
        subject,
        outcome: outcome.outcome,
        status,
        durationMs: Math.round(seconds * 10000) / 10,
        correlationId,
        traceId,
      },
      'rpc handled',
    );
  };
  try {
    return await (parent && span ? context.with(trace.setSpan(parent, span), run) : run());
  } catch (err) {
    outcome.finish();
    throw err;
  }
}

/** The span of one event taken by a consumer, or nothing at all when tracing is off. */
export interface TracedEvent {
  run<T>(fn: () => Promise<T>): Promise<T>;
  failed(err: unknown): void;
}

const UNTRACED: TracedEvent = { run: (fn) => fn(), failed: () => undefined };

/**
 * A consumer span for one JetStream event, child of the span that wrote it (the W3C context the
 * outbox stored with the row and the relay sent as message headers). Ended when `run` settles.
 */
export function traceConsumedEvent(
  consumer: string,
  type: string,
  headers: HeaderSource | (() => HeaderSource),
): TracedEvent {
  if (!tracingEnabled()) return UNTRACED;
  const parent = extractTraceContext(typeof headers === 'function' ? headers() : headers);
  const span = tracer().startSpan(
    `consume ${type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.consumer.group.name': consumer,
        'messaging.message.type': type,
      },
    },
    parent,
  );
  return {
    run: async (fn) => {
      try {
        return await context.with(trace.setSpan(parent, span), fn);
      } finally {
        span.end();
      }
    },
    failed: (err) => span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.name ?? 'Error' }),
  };
}
