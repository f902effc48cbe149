import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { freePort, Mailbox, SpawnedService, TestIsolation, waitFor } from '@ogp/testing';
import { load as loadYaml } from 'js-yaml';

/** One span as an OTLP/HTTP JSON export carries it, with the service that sent it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
}

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CONSUMER = 5;

/** OTLP/JSON ids are hex; a receiver must also read base64 ones (the protobuf-JSON mapping). */
function hexId(id: unknown): string {
  if (typeof id !== 'string' || id === '') return '';
  return /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');
}

/** A tiny OTLP/HTTP collector: accepts JSON exports on /v1/traces and keeps their spans. */
class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly contentTypes = new Set<string>();
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.contentTypes.add(String(req.headers['content-type']));
        if (req.method !== 'POST' || req.url !== '/v1/traces') {
          res.writeHead(404).end();
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans?: {
            resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
            scopeSpans?: { spans?: Record<string, unknown>[] }[];
          }[];
        };
        for (const rs of body.resourceSpans ?? []) {
          const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const ss of rs.scopeSpans ?? []) {
            for (const s of ss.spans ?? []) {
              this.spans.push({
                service,
                traceId: hexId(s.traceId),
                spanId: hexId(s.spanId),
                parentSpanId: hexId(s.parentSpanId),
                name: String(s.name),
                kind: Number(s.kind),
              });
            }
          }
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** The JSON lines of a service's output (anything else is a plain-text line among them). */
function jsonLines(output: string): { json: Record<string, unknown>[]; plain: string[] } {
  const json: Record<string, unknown>[] = [];
  const plain: string[] = [];
  for (const line of output.split('\n').filter((l) => l.trim() !== '')) {
    try {
      json.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      plain.push(line);
    }
  }
  return { json, plain };
}

/** The value of one sample in a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    // A metric without labels of its own still carries the default `service` label.
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.lastIndexOf('}'));
    if (Object.entries(labels).every(([k, v]) => inside.includes(`${k}="${v}"`)))
      return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

const ADMIN_EMAIL = 'root.tracing@test.ma';
const ADMIN_PASSWORD = 'a sturdy admin passphrase for traces';

describe('observability: one trace from the gateway through NATS, the outbox and JetStream to a consumer; access logs; metrics (real servers, spawned services)', () => {
  const iso = new TestIsolation();
  const receiver = new OtlpReceiver();
  let gateway: SpawnedService;
  let commitments: SpawnedService;
  let reporting: SpawnedService;
  let notifications: SpawnedService;
  /** The notifications service's mail server: not listening at first, so the first send fails and is retried. */
  let mailbox: Mailbox;
  /** Each service's internal metrics port (METRICS_PORT). */
  const metricsPorts: Record<string, number> = {};
  let metricsPort: number;
  let token: string;

  const url = (path: string) => `http://127.0.0.1:${gateway.port}${path}`;

  beforeAll(async () => {
    await receiver.start();
    const tracing = {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiver.port}`,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      LOG_LEVEL: 'info',
    };
    const admin = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'cli', 'create-admin.js')], {
      env: { PATH: process.env.PATH ?? '', ...iso.env('gateway'), ADMIN_EMAIL, ADMIN_PASSWORD },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(admin.stderr).toBe('');
    for (const name of ['gateway', 'commitments', 'reporting', 'notifications']) metricsPorts[name] = await freePort();
    metricsPort = metricsPorts.gateway;
    const env = async (name: string) =>
      iso.env(name, { HTTP_PORT: String(await freePort()), METRICS_PORT: String(metricsPorts[name]), ...tracing });
    commitments = new SpawnedService('commitments', await env('commitments')).start();
    reporting = new SpawnedService('reporting', await env('reporting')).start();
    mailbox = new Mailbox(await freePort());
    notifications = new SpawnedService('notifications', {
      ...(await env('notifications')),
      SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    }).start();
    gateway = new SpawnedService('gateway', await env('gateway')).start();
    await Promise.all([
      commitments.ready(60000),
      reporting.ready(60000),
      notifications.ready(60000),
      gateway.ready(60000),
    ]);
    const login = await fetch(url('/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { accessToken: string }).accessToken;
  }, 120000);

  afterAll(async () => {
    await Promise.all([gateway?.stop(), commitments?.stop(), reporting?.stop(), notifications?.stop()]);
    await receiver.stop();
    await mailbox?.stop();
    await iso.cleanup();
  });

  it("creating a programme: the gateway span, the commitments handler span and the consumers' spans (reporting, notifications) arrive at the OTLP receiver with ONE trace id, each the child of the one before", async () => {
    const res = await fetch(url('/programmes'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ code: 'OGP-TRACE', kind: 'ogp_national', name: { ar: 'برنامج التتبع' } }),
    });
    expect(res.status).toBe(201);
    let httpSpan: ReceivedSpan | undefined;
    let rpcSpan: ReceivedSpan | undefined;
    let consumerSpan: ReceivedSpan | undefined;
    let notifySpan: ReceivedSpan | undefined;
    await waitFor(
      () => {
        httpSpan = receiver.spans.find((s) => s.service === 'gateway' && s.name === 'POST /programmes');
        rpcSpan =
          httpSpan &&
          receiver.spans.find(
            (s) => s.service === 'commitments' && s.traceId === httpSpan!.traceId && s.kind === SPAN_KIND_SERVER,
          );
        consumerSpan =
          httpSpan &&
          receiver.spans.find(
            (s) =>
              s.service === 'reporting' &&
              s.traceId === httpSpan!.traceId &&
              s.kind === SPAN_KIND_CONSUMER &&
              s.name.includes('programme'),
          );
        notifySpan =
          httpSpan &&
          receiver.spans.find(
            (s) => s.service === 'notifications' && s.traceId === httpSpan!.traceId && s.kind === SPAN_KIND_CONSUMER,
          );
        return Boolean(httpSpan && rpcSpan && consumerSpan && notifySpan);
      },
      { what: 'spans from the gateway, commitments, reporting and notifications', timeoutMs: 20000 },
    );
    expect(receiver.contentTypes).toContain('application/json');
    expect(httpSpan!.kind).toBe(SPAN_KIND_SERVER);
    expect(httpSpan!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(rpcSpan!.parentSpanId).toBe(httpSpan!.spanId);
    expect(consumerSpan!.parentSpanId).toBe(rpcSpan!.spanId);
    expect(notifySpan!.parentSpanId).toBe(rpcSpan!.spanId);
    const services = new Set(receiver.spans.filter((s) => s.traceId === httpSpan!.traceId).map((s) => s.service));
    expect([...services].sort()).toEqual(['commitments', 'gateway', 'notifications', 'reporting']);

    // The access-log lines of that request carry the same trace id and the gateway's correlation id.
    const correlationId = res.headers.get('x-correlation-id');
    await waitFor(
      () => jsonLines(commitments.output).json.some((l) => l.component === 'access' && l.traceId === httpSpan!.traceId),
      { what: 'the rpc access line' },
    );
    const httpLine = jsonLines(gateway.output).json.find(
      (l) => l.component === 'access' && l.route === '/programmes' && l.method === 'POST',
    );
    expect(httpLine).toMatchObject({
      level: 'info',
      msg: 'http request',
      status: 201,
      correlationId,
      traceId: httpSpan!.traceId,
    });
    expect(typeof httpLine!.durationMs).toBe('number');
    const rpcLine = jsonLines(commitments.output).json.find(
      (l) => l.component === 'access' && l.traceId === httpSpan!.traceId,
    );
    expect(rpcLine).toMatchObject({ msg: 'rpc handled', outcome: 'OK', status: 200, correlationId });
    expect(String(rpcLine!.subject)).toMatch(/programme/);
    expect(typeof rpcLine!.durationMs).toBe('number');
  });

  it("a report request: the BullMQ job that builds it continues the request's trace (gateway → reporting handler → job add → worker)", async () => {
    const res = await fetch(url('/reports'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ kind: 'activities', format: 'csv', language: 'fr' }),
    });
    expect(res.status).toBeLessThan(300);
    let httpSpan: ReceivedSpan | undefined;
    let jobSpan: ReceivedSpan | undefined;
    await waitFor(
      () => {
        httpSpan = receiver.spans.find((s) => s.service === 'gateway' && s.name === 'POST /reports');
        jobSpan =
          httpSpan &&
          receiver.spans.find(
            (s) =>
              s.service === 'reporting' &&
              s.traceId === httpSpan!.traceId &&
              s.kind === SPAN_KIND_CONSUMER &&
              /process/.test(s.name),
          );
        return Boolean(jobSpan);
      },
      { what: 'the worker span of the report job in the request trace', timeoutMs: 30000 },
    );
    const rpcSpan = receiver.spans.find(
      (s) => s.service === 'reporting' && s.traceId === httpSpan!.traceId && s.kind === SPAN_KIND_SERVER,
    );
    expect(rpcSpan?.parentSpanId).toBe(httpSpan!.spanId);
    // The worker's span descends from the span that added the job, itself inside the handler's span.
    const byId = new Map(receiver.spans.map((s) => [s.spanId, s]));
    const ancestors: string[] = [];
    for (let s = byId.get(jobSpan!.parentSpanId); s; s = byId.get(s.parentSpanId)) ancestors.push(s.spanId);
    expect(ancestors).toContain(rpcSpan!.spanId);
  });

  it('e-mails: a send that fails counts as retried, the same e-mail sent once the mail server is back counts as sent', async () => {
    const scrape = async () => (await fetch(`http://127.0.0.1:${metricsPorts.notifications}/metrics`)).text();
    const res = await fetch(url('/auth/password-reset'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL }),
    });
    expect(res.status).toBeLessThan(300);
    await waitFor(async () => sample(await scrape(), 'ogp_emails_retried_total', {}) >= 1, {
      what: 'a failed send counted as retried',
      timeoutMs: 20000,
    });
    expect(sample(await scrape(), 'ogp_emails_sent_total', {})).toBe(0);
    await mailbox.start();
    await waitFor(() => mailbox.to(ADMIN_EMAIL).length === 1, { what: 'the reset e-mail', timeoutMs: 30000 });
    await waitFor(async () => sample(await scrape(), 'ogp_emails_sent_total', {}) === 1, { what: 'the sent counter' });
    expect(sample(await scrape(), 'ogp_emails_dead_lettered_total', {})).toBe(0);
  });

  it('one JSON access line per HTTP request with the route pattern, never the raw URL, its query, an e-mail, a password or a token; no plain-text lines', async () => {
    const id = '5e1f0c7a-6a53-4b52-9f41-0c1d2e3f4a5b';
    const res = await fetch(url(`/programmes/${id}?email=${encodeURIComponent(ADMIN_EMAIL)}`), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
    const correlationId = res.headers.get('x-correlation-id');
    await waitFor(
      () => jsonLines(gateway.output).json.some((l) => l.correlationId === correlationId && l.component === 'access'),
      { what: 'the access line' },
    );
    const line = jsonLines(gateway.output).json.find(
      (l) => l.correlationId === correlationId && l.component === 'access',
    );
    expect(line).toMatchObject({ method: 'GET', route: '/programmes/:id', status: 404 });
    expect(line!.traceId).toMatch(/^[0-9a-f]{32}$/);
    // The login earlier had an e-mail and a password in its body and a token in its answer.
    const logins = jsonLines(gateway.output).json.filter((l) => l.component === 'access' && l.route === '/auth/login');
    expect(logins).toHaveLength(1);
    for (const service of [gateway, commitments, reporting, notifications]) {
      const { plain } = jsonLines(service.output);
      expect(plain).toEqual([]);
      expect(service.output).not.toContain(ADMIN_EMAIL);
      expect(service.output).not.toContain(encodeURIComponent(ADMIN_EMAIL));
      expect(service.output).not.toContain(ADMIN_PASSWORD);
      expect(service.output).not.toContain(token);
      expect(service.output).not.toContain(token.split('.')[2]);
      expect(service.output).not.toContain(id);
    }
  });

  it('metrics: a request increments its route counter on the internal metrics port; the public listener has no /metrics', async () => {
    const scrape = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const labels = { method: 'GET', route: '/programmes', status: '200' };
    const before = sample(await scrape(), 'ogp_http_requests_total', labels);
    expect((await fetch(url('/programmes'))).status).toBe(200);
    const text = await scrape();
    expect(sample(text, 'ogp_http_requests_total', labels)).toBe(before + 1);
    expect(
      sample(text, 'ogp_http_request_duration_seconds_count', { method: 'GET', route: '/programmes' }),
    ).toBeGreaterThanOrEqual(1);
    expect((await fetch(url('/metrics'))).status).toBe(404);
    // The service answered the forwarded request: its subject counter moved too.
    const service = await (await fetch(`http://127.0.0.1:${commitments.port}/metrics`)).text();
    expect(text).toContain('service="gateway"');
    expect(service).toMatch(/ogp_rpc_handled_total\{subject="[^"]*programme[^"]*",outcome="OK",status="200"/);
  });

  it('the Grafana dashboard and the alert rules parse, and every metric they name is exposed by a running service', async () => {
    const root = join(__dirname, '..', '..', '..', 'deploy', 'observability');
    const dashboard = JSON.parse(readFileSync(join(root, 'grafana-dashboard.json'), 'utf8')) as {
      panels: { type: string; title: string; targets?: { expr: string }[] }[];
    };
    const rules = loadYaml(readFileSync(join(root, 'alerts.yaml'), 'utf8')) as {
      groups: { name: string; rules: { alert: string; expr: string; labels: { severity: string } }[] }[];
    };
    const panelExprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    const alerts = rules.groups.flatMap((g) => g.rules);
    expect(panelExprs.length).toBeGreaterThanOrEqual(15);
    expect(alerts.map((a) => a.alert)).toEqual(
      expect.arrayContaining([
        'OgpHttpErrorRate',
        'OgpHttpLatencyP99',
        'OgpOutboxLag',
        'OgpConsumerLag',
        'OgpEventsDeadLettered',
        'OgpEmailsDeadLettered',
        'OgpQueueStuck',
      ]),
    );
    for (const a of alerts) expect(['page', 'ticket']).toContain(a.labels.severity);

    // Every metric family each service exposes (a histogram as its _bucket, _sum and _count series).
    const exposed = new Set<string>();
    for (const [service, port] of Object.entries(metricsPorts)) {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect({ service, status: res.status }).toEqual({ service, status: 200 });
      for (const m of (await res.text()).matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
        exposed.add(m[1]);
        if (m[2] === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exposed.add(m[1] + suffix);
      }
    }
    for (const expr of [...panelExprs, ...alerts.map((a) => a.expr)]) {
      const names = [...expr.matchAll(/\b((?:ogp|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]);
      expect({ expr, names: names.length > 0 }).toEqual({ expr, names: true });
      for (const name of names) expect({ name, exposed: exposed.has(name) }).toEqual({ name, exposed: true });
    }
    // The lag gauges read live values: the outbox of commitments and the consumers of reporting.
    expect(exposed).toContain('ogp_queue_jobs');
    const reportingText = await (await fetch(`http://127.0.0.1:${metricsPorts.reporting}/metrics`)).text();
    expect(reportingText).toMatch(/ogp_consumer_pending_messages\{consumer="reporting",service="reporting"\} \d+/);
    expect(reportingText).toMatch(/ogp_queue_jobs\{queue="[^"]+",state="waiting",service="reporting"\} \d+/);
  });
});
