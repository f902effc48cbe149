import { context, propagation, Span, SpanKind, trace, Tracer } from '@opentelemetry/api';
import type { TracerProvider } from '@opentelemetry/sdk-trace';

let provider: TracerProvider | null = null;
let cachedTracer: Tracer | null = null;

/** True once an exporter is configured in this process: spans are then recorded and sent. */
export function tracingEnabled(): boolean {
  return provider !== null;
}

/**
 * Starts OpenTelemetry tracing for this process when an OTLP/HTTP endpoint is configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, e.g. http://collector:4318): spans are batched and exported as
 * OTLP JSON to `<endpoint>/v1/traces`, and W3C trace context travels in HTTP, NATS and job headers.
 * Without an endpoint nothing is installed: the API stays the no-op one, which costs close to
 * nothing on the request path. Idempotent (several Nest apps may share a test process).
 */
export function startTracing(service: string, endpoint: string | undefined): void {
  if (provider || !endpoint) return;
  // The SDK and its exporter (about 200 modules, 8 MB) are loaded only when tracing is on.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { AsyncLocalStorageContextManager } =
    require('@opentelemetry/context-async-hooks') as typeof import('@opentelemetry/context-async-hooks');
  const { W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const sdk = require('@opentelemetry/sdk-trace') as typeof import('@opentelemetry/sdk-trace');
  const { ATTR_SERVICE_NAME } =
    require('@opentelemetry/semantic-conventions') as typeof import('@opentelemetry/semantic-conventions');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider } = sdk;
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
  provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    // OTEL_TRACES_SAMPLER_ARG (standard name): the share of new traces recorded, 0..1 (default 1, all);
    // a request continuing a trace follows its caller's decision, so a trace is whole or absent.
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(samplingRatio(process.env.OTEL_TRACES_SAMPLER_ARG)),
    }),
    // OTEL_BSP_SCHEDULE_DELAY is the standard variable for the batch delay (default 5 s; tests shorten it).
    spanProcessors: [
      new BatchSpanProcessor({ exporter, scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY) || 5000 }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
}

function samplingRatio(raw: string | undefined): number {
  const ratio = raw === undefined || raw === '' ? 1 : Number(raw);
  return Number.isFinite(ratio) && ratio >= 0 && ratio <= 1 ? ratio : 1;
}

/** Sends the spans still buffered (called at shutdown). */
export async function stopTracing(): Promise<void> {
  const current = provider;
  if (!current) return;
  await current.forceFlush().catch(() => undefined);
}

/** The platform's tracer (a no-op one when tracing is not started). */
export function tracer(): Tracer {
  if (!provider) return trace.getTracer('ogp');
  return (cachedTracer ??= provider.getTracer('ogp'));
}

/** The trace id of the span active here, for log lines; undefined without tracing. */
export function currentTraceId(): string | undefined {
  if (!provider) return undefined;
  return trace.getActiveSpan()?.spanContext().traceId;
}

/** The trace id of a span, or undefined when it does not record (tracing off). */
export function traceIdOf(span: Span | undefined): string | undefined {
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}

export { SpanKind };
