import { Context, context, propagation, ROOT_CONTEXT, TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** What trace context is written into: NATS headers (`set`) or a plain record (outbox rows, job data). */
export type HeaderSink = { set(key: string, value: string): void } | Record<string, string>;
/** What trace context is read from: NATS headers (`get`) or a plain record. */
export type HeaderSource = { get(key: string): string } | Record<string, string> | undefined | null;

const setter: TextMapSetter<HeaderSink> = {
  set(carrier, key, value) {
    if (typeof carrier.set === 'function') (carrier as { set(k: string, v: string): void }).set(key, value);
    else (carrier as Record<string, string>)[key] = value;
  },
};

const getter: TextMapGetter<NonNullable<HeaderSource>> = {
  get(carrier, key) {
    const value =
      typeof carrier.get === 'function'
        ? (carrier as { get(k: string): string }).get(key)
        : (carrier as Record<string, string>)[key];
    return value || undefined;
  },
  keys(carrier) {
    return typeof carrier.get === 'function' ? [] : Object.keys(carrier);
  },
};

/**
 * Writes the W3C trace context of the span active here (`traceparent`, `tracestate`) into a
 * message's headers. Does nothing when tracing is off.
 */
export function injectTraceContext(carrier: HeaderSink): void {
  propagation.inject(context.active(), carrier, setter);
}

/** The context a received message continues (its sender's span), or the root context. */
export function extractTraceContext(carrier: HeaderSource): Context {
  if (!carrier) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier, getter);
}
