import { Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * The platform's RED metrics and lag gauges (Prometheus, on each service's /metrics). Names are
 * the contract with deploy/observability (dashboard and alerts; a test checks they exist).
 * Created once per process, whatever number of Nest apps a test starts in it.
 */
function once<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequests = once(
  'ogp_http_requests_total',
  () =>
    new Counter({
      name: 'ogp_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status.',
      labelNames: ['method', 'route', 'status'],
    }),
);
export const httpDuration = once(
  'ogp_http_request_duration_seconds',
  () =>
    new Histogram({
      name: 'ogp_http_request_duration_seconds',
      help: 'HTTP request duration, by route pattern.',
      labelNames: ['method', 'route'],
      buckets: DURATION_BUCKETS,
    }),
);
export const rpcHandled = once(
  'ogp_rpc_handled_total',
  () =>
    new Counter({
      name: 'ogp_rpc_handled_total',
      help: 'NATS requests handled, by subject and outcome (OK or the error code) and status.',
      labelNames: ['subject', 'outcome', 'status'],
    }),
);
export const rpcDuration = once(
  'ogp_rpc_handle_duration_seconds',
  () =>
    new Histogram({
      name: 'ogp_rpc_handle_duration_seconds',
      help: 'NATS request handling duration, by subject.',
      labelNames: ['subject'],
      buckets: DURATION_BUCKETS,
    }),
);
export const eventsHandled = once(
  'ogp_events_handled_total',
  () =>
    new Counter({
      name: 'ogp_events_handled_total',
      help: 'Events taken from JetStream by a consumer: handled, duplicate, retried or dead_lettered.',
      labelNames: ['consumer', 'outcome'],
    }),
);
export const emailsSent = once(
  'ogp_emails_sent_total',
  () => new Counter({ name: 'ogp_emails_sent_total', help: 'E-mails accepted by the mail server.' }),
);
export const emailsRetried = once(
  'ogp_emails_retried_total',
  () => new Counter({ name: 'ogp_emails_retried_total', help: 'E-mail sends that failed and will be retried.' }),
);
export const emailsDeadLettered = once(
  'ogp_emails_dead_lettered_total',
  () => new Counter({ name: 'ogp_emails_dead_lettered_total', help: 'E-mails given up after their last attempt.' }),
);

export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}
type Collector = () => Promise<GaugeSample[]>;

const collectors = new Map<string, Set<Collector>>();

/**
 * A gauge read at scrape time from its sources (a database count, a JetStream consumer's
 * pending messages, a queue's job counts). Returns the function that removes this source.
 * A source that fails is skipped for that scrape.
 */
export function watchGauge(name: string, help: string, labelNames: string[], collect: Collector): () => void {
  let set = collectors.get(name);
  if (!set) {
    const sources = new Set<Collector>();
    set = sources;
    collectors.set(name, sources);
    once(
      name,
      () =>
        new Gauge({
          name,
          help,
          labelNames,
          async collect() {
            this.reset();
            const results = await Promise.all([...sources].map((source) => source().catch(() => [] as GaugeSample[])));
            for (const sample of results.flat()) {
              if (sample.labels) this.set(sample.labels, sample.value);
              else this.set(sample.value);
            }
          },
        }),
    );
  }
  set.add(collect);
  const sources = set;
  return () => void sources.delete(collect);
}

/** Queue depths of a BullMQ queue (waiting, active, failed, delayed). */
export function watchQueueDepth(queue: string, counts: () => Promise<Record<string, number>>): () => void {
  return watchGauge('ogp_queue_jobs', 'Jobs in a BullMQ queue, by state.', ['queue', 'state'], async () => {
    const byState = await counts();
    return ['waiting', 'active', 'failed', 'delayed'].map((state) => ({
      labels: { queue, state },
      value: byState[state] ?? 0,
    }));
  });
}
