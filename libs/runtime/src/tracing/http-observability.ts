import { context, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
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
  const log = logger.child({ component: 'access' });
  if (tracingEnabled()) {
    fastify.addHook('onRequest', (request, _reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const parent = extractTraceContext(request.headers as Record<string, string>);
      const span = tracer().startSpan(
        `${request.method} ${route}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
        parent,
      );
      (request as Observed)[SPAN] = span;
      context.with(trace.setSpan(parent, span), done);
    });
  }
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const seconds = reply.elapsedTime / 1000;
    httpRequests.inc({ method: request.method, route, status: String(status) });
    httpDuration.observe({ method: request.method, route }, seconds);
    const span = (request as Observed)[SPAN];
    const traceId = traceIdOf(span);
    if (span) {
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    const line = {
      method: request.method,
      route,
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      correlationId: String(request.id),
      traceId,
    };
    if (QUIET_ROUTES.has(route)) log.debug(line, 'http request');
    else log.info(line, 'http request');
    done();
  });
}
