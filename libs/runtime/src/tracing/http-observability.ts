import { context, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { httpDuration, httpRequests } from './metrics';
import { extractTraceContext } from './propagation';
import { tracer, tracingEnabled, traceIdOf } from './tracing';

const SPAN = Symbol('ogp.span');
type Observed = FastifyRequest & { [SPAN]?: Span };

/** Probes and scrapes: counted, but logged at debug only (they come every few seconds). */
const QUIET_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * For every HTTP request: a server span (continuing an incoming `traceparent`) that the handler's
 * NATS calls descend from, the RED metrics of its route pattern, and one JSON access-log line:
 * method, route pattern (never the raw URL nor its query), status, duration, correlation id and
 * trace id. No header, body or query value is written.
 */
export function registerHttpObservability(fastify: FastifyInstance, logger: Logger): void {
  const log = accessLog(logger);
  if (tracingEnabled()) {
    fastify.addHook('onRequest', (request, _reply, done) => {
      const parent = extractTraceContext(request.headers as Record<string, string>);
      const span = startHttpSpan(request.method, request.routeOptions.url ?? 'unmatched', request.headers, parent);
      (request as Observed)[SPAN] = span;
      context.with(span ? trace.setSpan(parent, span) : parent, done);
    });
  }
  fastify.addHook('onResponse', (request, reply, done) => {
    recordHttpAnswer(log, {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      elapsedMs: reply.elapsedTime,
      correlationId: String(request.id),
      span: (request as Observed)[SPAN],
    });
    done();
  });
}

/** The access log's logger (one per process side that answers HTTP). */
export function accessLog(logger: Logger): Logger {
  return logger.child({ component: 'access' });
}

/** A server span for one request, continuing an incoming `traceparent`; none when tracing is off. */
export function startHttpSpan(
  method: string,
  route: string,
  headers: IncomingHttpHeaders,
  parent = extractTraceContext(headers as Record<string, string>),
): Span | undefined {
  if (!tracingEnabled()) return undefined;
  return tracer().startSpan(
    `${method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route } },
    parent,
  );
}

export interface HttpAnswer {
  method: string;
  /** The route pattern, never the raw URL. */
  route: string;
  status: number;
  elapsedMs: number;
  correlationId: string;
  span?: Span;
}

/** What every answered request leaves: its RED metrics, its span ended, one access-log line. */
export function recordHttpAnswer(log: Logger, answer: HttpAnswer): void {
  const { method, route, status, span } = answer;
  const traceId = traceIdOf(span); // read before the span ends
  httpRequests.inc({ method, route, status: String(status) });
  httpDuration.observe({ method, route }, answer.elapsedMs / 1000);
  if (span) {
    span.setAttribute('http.response.status_code', status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  }
  // The line is built only when its level is written (at warn, as in production, it is not).
  const level = QUIET_ROUTES.has(route) ? 'debug' : 'info';
  if (log.isLevelEnabled(level)) {
    const line = {
      method,
      route,
      status,
      durationMs: Math.round(answer.elapsedMs * 10) / 10,
      correlationId: answer.correlationId,
      traceId,
    };
    log[level](line, 'http request');
  }
}
