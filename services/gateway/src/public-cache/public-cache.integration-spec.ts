import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { withPrefix } from '@ogp/messaging';
import { createLogger, loadConfig } from '@ogp/runtime';
import { freePort, SpawnedService, TEST_DATABASE_URL, TEST_NATS_URL, TestIsolation, waitFor } from '@ogp/testing';
import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import plan2018 from '../demo/ogp-morocco-2018-2020.plan.json';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';
import { UsersService } from '../identity/users.service';
import { PublicCache } from './public-cache';
import { SYSTEM_ADMIN, httpRequest } from '../testing/gateway-client.fixture';

const PASSWORD = 'correct horse battery';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json: () => { [k: string]: any };
}

describe('public answers cached at the gateway, dropped by changes, never private (real servers, two gateway replicas)', () => {
  const iso = new TestIsolation();
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let commitments: SpawnedService;
  let pg: Client;
  let nc: NatsConnection;
  let coordinator: string;
  let pm: string;
  let cardA: string;
  let cardB: string;
  let activityId: string;
  const bases = new Map<NestFastifyApplication, string>();

  async function call(
    app: NestFastifyApplication,
    method: string,
    url: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const res = await httpRequest(bases.get(app)!, method, url, options);
    return { status: res.statusCode, headers: res.headers, body: res.body, json: () => JSON.parse(res.body) };
  }

  const titleIn = (answer: Answer) => answer.json().title.ar as string;
  const hits = (app: NestFastifyApplication) => app.get(PublicCache).answers.hits;
  const setTitle = (id: string, ar: string) =>
    pg.query(
      `UPDATE "${iso.schema('commitments')}".commitments SET title = jsonb_set(title, '{ar}', to_jsonb($2::text)) WHERE id = $1`,
      [id, ar],
    );

  beforeAll(async () => {
    commitments = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()) }),
    ).start();
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app: a } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    ({ app: b } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    // Real HTTP, as visitors come: the cached answers are served by the server's front door.
    for (const app of [a, b]) {
      const port = await freePort();
      await app.listen(port, '127.0.0.1');
      bases.set(app, `http://127.0.0.1:${port}`);
    }
    await commitments.ready();
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    nc = await connect({ servers: TEST_NATS_URL });
    const login = async (email: string, role: Role) => {
      await a
        .get(UsersService)
        .createByStaff(SYSTEM_ADMIN, { email, password: PASSWORD, displayName: role, roles: [role] });
      return (await call(a, 'POST', '/auth/login', { body: { email, password: PASSWORD } })).json()
        .accessToken as string;
    };
    coordinator = await login('coord@test.ma', 'coordinator');
    pm = await login('pm@test.ma', 'project_manager');
    expect(
      (
        await call(a, 'POST', '/programmes', {
          token: coordinator,
          body: { code: 'OGP-MA', kind: 'ogp_national', name: { ar: 'برنامج' } },
        })
      ).status,
    ).toBe(201);
    const imported = await call(a, 'POST', '/plans/import', { token: coordinator, body: plan2018 });
    expect(imported.status).toBe(201);
    const items = (await call(a, 'GET', `/commitments?planId=${imported.json().planId}&limit=100`)).json().items;
    [cardA, cardB] = [items[0].id, items[1].id];
    activityId = (await call(a, 'GET', `/commitments/${cardA}`)).json().activities[0].id;
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await commitments?.stop();
    await pg?.end();
    await nc?.close();
    await iso.cleanup();
  });

  it('a visitor’s second read comes from memory with a strong ETag; If-None-Match gets 304 without a body', async () => {
    const first = await call(a, 'GET', `/commitments/${cardA}`);
    const before = hits(a);
    const second = await call(a, 'GET', `/commitments/${cardA}`);
    expect(hits(a)).toBe(before + 1);
    expect(second.status).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toBe('public, no-cache');
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.headers['x-content-type-options']).toBe('nosniff');
    // Answered ahead of Fastify, it still carries every header an API answer carries.
    expect(second.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(second.headers.vary).toBe('authorization');
    expect(second.headers['content-length']).toBe(String(Buffer.byteLength(first.body)));
    expect(second.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await call(a, 'GET', `/commitments/${cardA}`, { headers: { 'x-correlation-id': 'portal-req.42' } });
    expect(traced.headers['x-correlation-id']).toBe('portal-req.42');
    const odd = await call(a, 'GET', `/commitments/${cardA}`, { headers: { 'x-correlation-id': 'a b<c>' } });
    expect(odd.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const revalidated = await call(a, 'GET', `/commitments/${cardA}`, {
      headers: { 'if-none-match': String(second.headers.etag) },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');
    // A 304 carries the validator and the caching and safety headers of the answer it stands for.
    expect(revalidated.headers.etag).toBe(second.headers.etag);
    expect(revalidated.headers['cache-control']).toBe('public, no-cache');
    expect(revalidated.headers.vary).toBe('authorization');
    expect(revalidated.headers['x-content-type-options']).toBe('nosniff');
    expect(revalidated.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call(a, 'GET', `/commitments/${cardA}`, { headers: { 'if-none-match': '"other"' } })).status).toBe(
      200,
    );
  });

  it('reads with a token, as two different users, are never answered from nor kept in the cache', async () => {
    await call(a, 'GET', `/commitments/${cardB}`); // the visitor's answer is kept
    const original = titleIn(await call(a, 'GET', `/commitments/${cardB}`));
    // A change made behind the platform's back (no write through a gateway, no event): only reads that bypass the cache see it.
    await setTitle(cardB, 'عنوان تغير مباشرة');
    const before = hits(a);
    for (const token of [pm, coordinator]) {
      const personal = await call(a, 'GET', `/commitments/${cardB}`, { token });
      expect(titleIn(personal)).toBe('عنوان تغير مباشرة');
      expect(personal.headers['cache-control']).toBe('private, no-cache');
      expect(personal.headers.etag).toBeUndefined();
    }
    expect(hits(a)).toBe(before);
    // The visitor still gets the kept public answer: the token holders' answers did not replace it.
    expect(titleIn(await call(a, 'GET', `/commitments/${cardB}`))).toBe(original);
    expect(hits(a)).toBe(before + 1);
    await setTitle(cardB, original);
  });

  it('a write through one replica is visible at once on it, and on the other replica within a second', async () => {
    for (const app of [a, b]) for (let i = 0; i < 2; i++) await call(app, 'GET', `/commitments/${cardA}`);
    const progress = (p: Answer) => p.json().activities.find((x: { id: string }) => x.id === activityId).progress;
    const target = progress(await call(b, 'GET', `/commitments/${cardA}`)) === 37 ? 38 : 37;
    const reported = await call(a, 'POST', `/commitments/${cardA}/progress`, {
      token: coordinator,
      body: { activityId, progress: target, reportedOn: new Date().toISOString().slice(0, 10) },
    });
    expect(reported.status).toBe(201);
    const written = Date.now();
    expect(progress(await call(a, 'GET', `/commitments/${cardA}`))).toBe(target);
    await waitFor(async () => progress(await call(b, 'GET', `/commitments/${cardA}`)) === target, {
      timeoutMs: 1000,
      intervalMs: 5,
      what: 'the change on the other replica',
    });
    expect(Date.now() - written).toBeLessThanOrEqual(1000);
  });

  it('a write that does not reach the commitments service (one’s own display name) leaves the answers kept, on every replica', async () => {
    for (const app of [a, b]) for (let i = 0; i < 2; i++) await call(app, 'GET', `/commitments/${cardB}`);
    const kept = [a, b].map((app) => app.get(PublicCache).answers.size);
    const changed = await call(a, 'PATCH', '/me', { token: pm, body: { displayName: 'مديرة المشروع' } });
    expect(changed.status).toBe(200);
    // Time for the other replica to hear a drop, had one been announced.
    await nc.flush();
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const [i, app] of [a, b].entries()) {
      expect(app.get(PublicCache).answers.size).toBe(kept[i]);
      const before = hits(app);
      await call(app, 'GET', `/commitments/${cardB}`);
      expect(hits(app)).toBe(before + 1);
    }
  });

  it('a domain event drops exactly the answers naming its ids (and lists), on every replica', async () => {
    const lists = '/programmes';
    for (const app of [a, b])
      for (const url of [`/commitments/${cardA}`, `/commitments/${cardB}`, lists, lists]) await call(app, 'GET', url);
    const originalA = titleIn(await call(a, 'GET', `/commitments/${cardA}`));
    const originalB = titleIn(await call(a, 'GET', `/commitments/${cardB}`));
    await setTitle(cardA, 'عنوان أ');
    await setTitle(cardB, 'عنوان ب');
    const envelope = {
      id: '4b7e8a52-0d5f-4c4e-9a55-1f8f9f1c2d3e',
      type: 'commitments.commitment.updated',
      occurredAt: new Date().toISOString(),
      source: 'test',
      aggregate: { type: 'commitment', id: cardA },
      data: { commitmentId: cardA, changed: ['title'] },
    };
    nc.publish(
      withPrefix(iso.prefix, 'events.commitments.commitment.updated'),
      new TextEncoder().encode(JSON.stringify(envelope)),
    );
    await nc.flush();
    for (const app of [a, b]) {
      await waitFor(async () => titleIn(await call(app, 'GET', `/commitments/${cardA}`)) === 'عنوان أ', {
        timeoutMs: 1000,
        intervalMs: 5,
        what: 'the event reaching the replica',
      });
      const before = hits(app);
      // The other card was not touched by the event: still the kept answer.
      expect(titleIn(await call(app, 'GET', `/commitments/${cardB}`))).toBe(originalB);
      expect(hits(app)).toBe(before + 1);
      // A list names no id: dropped, read again.
      await call(app, 'GET', lists);
      expect(hits(app)).toBe(before + 1);
    }
    await setTitle(cardA, originalA);
    await setTitle(cardB, originalB);
  });

  it('a change to a programme (its reporting period, its time zone) drops every answer: the late and overdue figures under it name plans and cards, not the programme', async () => {
    for (const url of [`/commitments/${cardA}`, `/commitments/${cardB}`]) await call(a, 'GET', url);
    const cache = a.get(PublicCache);
    expect(cache.answers.size).toBeGreaterThanOrEqual(2);
    const envelope = {
      id: '5c8f9b63-1e6a-4d5f-8b66-2a9aa02d3e4f',
      type: 'commitments.programme.settings-changed',
      occurredAt: new Date().toISOString(),
      source: 'test',
      aggregate: { type: 'programme', id: '6d9a0c74-2f7b-4e6a-9c77-3baab13e4f50' },
      data: { programmeId: '6d9a0c74-2f7b-4e6a-9c77-3baab13e4f50', reportingPeriodDays: 30 },
    };
    cache.onEvent(new TextEncoder().encode(JSON.stringify(envelope)));
    expect(cache.answers.size).toBe(0);
  });

  it('a read racing a change is not kept: the next read sees the change', async () => {
    const cache = a.get(PublicCache).answers;
    const since = cache.generation();
    cache.changed([cardA]);
    cache.put(`/commitments/${cardA}`, since, '{"stale":true}', 'application/json');
    expect(cache.get(`/commitments/${cardA}`)).toBeUndefined();
  });
});
