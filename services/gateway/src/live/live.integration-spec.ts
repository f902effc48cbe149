import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { eventsStreamName } from '@ogp/messaging';
import { createLogger, loadConfig } from '@ogp/runtime';
import { freePort, SpawnedService, TEST_NATS_URL, TestIsolation, waitFor } from '@ogp/testing';
import { connect, NatsConnection } from 'nats';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import plan2018 from '../demo/ogp-morocco-2018-2020.plan.json';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';
import { LiveHub, PlanProgressUpdate } from './live-hub';
import { injectRequest, staffToken } from '../testing/gateway-client.fixture';

const PASSWORD = 'correct horse battery';
const PER_CLIENT = 3;

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
  retry?: string;
}

/** A raw server-sent events client: the frames as they arrive, and the socket to cut. */
class SseClient {
  readonly frames: Frame[] = [];
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  body = '';
  private request!: http.ClientRequest;
  private buffer = '';

  static open(
    port: number,
    path: string,
    options: { headers?: Record<string, string>; localAddress?: string } = {},
  ): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      client.request = http.get(
        {
          host: '127.0.0.1',
          port,
          path,
          headers: { accept: 'text/event-stream', ...options.headers },
          localAddress: options.localAddress,
          agent: false,
        },
        (res) => {
          client.status = res.statusCode ?? 0;
          client.headers = res.headers;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => client.take(chunk));
          res.on('error', () => undefined);
          if (client.status !== 200) res.on('end', () => resolve(client));
          else resolve(client);
        },
      );
      client.request.on('error', reject);
    });
  }

  private take(chunk: string): void {
    this.body += this.status === 200 ? '' : chunk;
    if (this.status !== 200) return;
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const frame: Frame = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else {
          const at = line.indexOf(':');
          (frame as Record<string, string>)[line.slice(0, at)] = line.slice(at + 1).trimStart();
        }
      }
      this.frames.push(frame);
    }
  }

  updates(): (PlanProgressUpdate & { id: string })[] {
    return this.frames
      .filter((f) => f.event === 'progress')
      .map((f) => ({ ...(JSON.parse(f.data as string) as PlanProgressUpdate), id: f.id as string }));
  }

  close(): void {
    this.request.destroy();
  }
}

describe('live progress: server-sent events through the gateway (real NATS, Postgres)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  let hub: LiveHub;
  let port: number;
  let commitments: SpawnedService;
  let nats: NatsConnection;
  let coordinator: string;
  let pm: string;
  let planId: string;
  let otherPlanId: string;
  let target: { id: string; activities: { id: string }[] };
  const open: SseClient[] = [];

  async function call(method: string, url: string, options: { token?: string; body?: unknown } = {}) {
    const res = await injectRequest(app, method, url, options);
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  }

  const login = (email: string, role: Role, scopes?: { institutions: string[]; programmes: string[] }) =>
    staffToken(app, call, PASSWORD, email, role, scopes);

  async function stream(
    path: string,
    options?: { headers?: Record<string, string>; localAddress?: string },
  ): Promise<SseClient> {
    const client = await SseClient.open(port, path, options);
    open.push(client);
    return client;
  }

  const closeAll = () => open.splice(0).forEach((c) => c.close());
  const consumersOnStream = async () => {
    const jsm = await nats.jetstreamManager();
    return (await jsm.consumers.list(eventsStreamName(iso.prefix)).next()).length;
  };

  beforeAll(async () => {
    commitments = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()) }),
    ).start();
    const config = loadConfig(
      GatewayConfig,
      iso.env('gateway', {
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
        LIVE_MAX_PER_CLIENT: String(PER_CLIENT),
        LIVE_HEARTBEAT_SECONDS: '1',
      }),
    );
    ({ app } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    hub = app.get(LiveHub);
    await commitments.ready(240000);
    nats = await connect({ servers: TEST_NATS_URL });
    coordinator = await login('coord@live.ma', 'coordinator');
    expect(
      (
        await call('POST', '/programmes', {
          token: coordinator,
          body: { code: 'OGP-MA', kind: 'ogp_national', name: { ar: 'برنامج الحكومة المنفتحة' } },
        })
      ).status,
    ).toBe(201);
    const imported = await call('POST', '/plans/import', { token: coordinator, body: plan2018 });
    expect(imported.status).toBe(201);
    planId = imported.body.planId;
    const other = await call('POST', '/plans/import', {
      token: coordinator,
      body: { ...plan2018, plan: { ...plan2018.plan, code: 'LIVE-2' } },
    });
    expect(other.status).toBe(201);
    otherPlanId = other.body.planId;
    const institutions = (await call('GET', '/institutions?limit=100')).body.items as { id: string; code: string }[];
    pm = await login('pm.live@test.ma', 'project_manager', {
      institutions: [institutions.find((i) => i.code === 'MRAFP')!.id],
      programmes: [],
    });
    const list = (await call('GET', `/commitments?planId=${planId}&limit=100`)).body.items as {
      id: string;
      number: number;
    }[];
    target = (await call('GET', `/commitments/${list.find((c) => c.number === 1)!.id}`)).body;
  }, 300000);

  afterEach(closeAll);

  afterAll(async () => {
    closeAll();
    await app?.close();
    await commitments?.stop();
    await nats?.close();
    await iso.cleanup();
  });

  it('a progress report reaches every open stream of the plan within two seconds, with the new figures, read once', async () => {
    const first = await stream(`/plans/${planId}/live`);
    const second = await stream(`/plans/${planId}/live`, { headers: { authorization: `Bearer ${coordinator}` } });
    const elsewhere = await stream(`/plans/${otherPlanId}/live`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(first.headers['cache-control']).toBe('no-store');
    await waitFor(() => first.frames.length > 0 && second.frames.length > 0, { what: 'the opening frame' });
    expect(first.frames[0].retry).toBe('3000');
    const readsBefore = hub.counters.reads;
    // A page rendered just before the report read the dashboard: the update must not repeat that answer.
    const shown = (await call('GET', `/plans/${planId}/dashboard`)).body;

    const sentAt = Date.now();
    const report = await call('POST', `/commitments/${target.id}/progress`, {
      token: pm,
      body: { activityId: target.activities[0].id, progress: 100, reportedOn: '2019-01-15' },
    });
    expect(report.status).toBe(201);
    await waitFor(() => first.updates().length > 0 && second.updates().length > 0, {
      timeoutMs: 2000,
      intervalMs: 20,
      what: 'the update on both streams',
    });
    expect(Date.now() - sentAt).toBeLessThan(2000);

    const plan = (await call('GET', `/plans/${planId}`)).body as {
      progress: number;
      areas: { id: string; progress: number }[];
    };
    const dashboard = (await call('GET', `/plans/${planId}/dashboard`)).body;
    const update = first.updates()[0];
    expect(plan.progress).toBeGreaterThan(shown.plan.progress);
    expect(update.planId).toBe(planId);
    expect(update.plan).toEqual({ progress: plan.progress });
    expect(update.byArea).toEqual(
      plan.areas.map((a) => expect.objectContaining({ areaId: a.id, progress: a.progress })),
    );
    expect(update.byCompletionLevel).toEqual(dashboard.byCompletionLevel);
    expect(update.changed).toEqual([
      expect.objectContaining({ commitmentId: target.id, progress: report.body.progress }),
    ]);
    expect(second.updates()[0]).toEqual(update);
    // One report (its several events) made one read of the plan's figures, whatever the number of streams.
    expect(hub.counters.reads - readsBefore).toBe(1);
    expect(elsewhere.updates()).toEqual([]);
  });

  it('a reconnecting client with an older Last-Event-ID receives the last update at once', async () => {
    const watcher = await stream(`/plans/${planId}/live`);
    const report = await call('POST', `/commitments/${target.id}/progress`, {
      token: pm,
      body: { activityId: target.activities[1].id, progress: 50, reportedOn: '2019-02-01' },
    });
    expect(report.status).toBe(201);
    const last = (await waitFor(() => watcher.updates()[0], {
      timeoutMs: 2000,
      what: 'the update',
    })) as PlanProgressUpdate & { id: string };
    const back = await stream(`/plans/${planId}/live`, { headers: { 'last-event-id': String(Number(last.id) - 1) } });
    const missed = await waitFor(() => back.updates()[0], { timeoutMs: 1000, what: 'the missed update' });
    expect(missed).toEqual(last);
    const upToDate = await stream(`/plans/${planId}/live`, { headers: { 'last-event-id': last.id } });
    await waitFor(() => upToDate.frames.some((f) => f.comment === 'heartbeat'), {
      timeoutMs: 2500,
      what: 'a heartbeat',
    });
    expect(upToDate.updates()).toEqual([]);
  });

  it('bounds the streams per client: the next one is 429, another IP or account still gets its own', async () => {
    for (let i = 0; i < PER_CLIENT; i += 1) expect((await stream(`/plans/${planId}/live`)).status).toBe(200);
    const refused = await stream(`/plans/${planId}/live`, { headers: { 'accept-language': 'fr' } });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(JSON.parse(refused.body).error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Trop de requêtes. Réessayez dans un instant.',
    });
    expect((await stream(`/plans/${otherPlanId}/live`)).status).toBe(429);
    expect((await stream(`/plans/${planId}/live`, { localAddress: '127.0.0.2' })).status).toBe(200);
    expect((await stream(`/plans/${planId}/live`, { headers: { authorization: `Bearer ${pm}` } })).status).toBe(200);
    expect(hub.stats().connections).toBe(PER_CLIENT + 2);
  });

  it('an unknown plan is 404 and a malformed id 400; nothing stays open', async () => {
    expect((await stream(`/plans/00000000-0000-4000-8000-000000000000/live`)).status).toBe(404);
    expect((await stream(`/plans/nope/live`)).status).toBe(400);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, clients: 0, closeListeners: 0 });
  });

  it('one event subscription per gateway whatever the streams; closed streams leave no listener, topic or count behind', async () => {
    const consumers = await consumersOnStream();
    const clients = [
      await stream(`/plans/${planId}/live`),
      await stream(`/plans/${planId}/live`),
      await stream(`/plans/${otherPlanId}/live`),
      await stream(`/plans/${otherPlanId}/live`, { localAddress: '127.0.0.3' }),
    ];
    expect(clients.map((c) => c.status)).toEqual([200, 200, 200, 200]);
    expect(hub.stats()).toEqual({ connections: 4, topics: 2, clients: 2, closeListeners: expect.any(Number) });
    const listenersPerStream = hub.stats().closeListeners / 4;
    expect(await consumersOnStream()).toBe(consumers);
    closeAll();
    await waitFor(() => hub.stats().connections === 0, { timeoutMs: 2000, what: 'the streams to be released' });
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, clients: 0, closeListeners: 0 });
    // The same client may open its full count again: nothing was leaked against its bound.
    for (let i = 0; i < PER_CLIENT; i += 1) expect((await stream(`/plans/${planId}/live`)).status).toBe(200);
    expect(hub.stats().closeListeners).toBe(listenersPerStream * PER_CLIENT);
    // A report on a plan nobody watches reads nothing.
    closeAll();
    await waitFor(() => hub.stats().connections === 0, { timeoutMs: 2000 });
    const reads = hub.counters.reads;
    const events = hub.counters.events;
    await call('POST', `/commitments/${target.id}/progress`, {
      token: pm,
      body: { activityId: target.activities[0].id, progress: 90, reportedOn: '2019-03-01' },
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(hub.counters.reads).toBe(reads);
    expect(hub.counters.events).toBe(events);
  });
});
