import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, loadConfig } from '@ogp/runtime';
import { freePort, PrivateServer, SpawnedService, TestIsolation, waitFor } from '@ogp/testing';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';

// The suite's own nats-server, killed and started again; the shared one is never touched.
describe('gateway while NATS is away (private nats-server killed and restarted)', () => {
  const iso = new TestIsolation();
  let nats: PrivateServer;
  let app: NestFastifyApplication;
  let commitments: SpawnedService;

  async function programmes(): Promise<{ status: number; retryAfter?: string; ms: number; code?: string }> {
    const started = Date.now();
    const res = await app.inject({ method: 'GET', url: '/programmes' });
    return {
      status: res.statusCode,
      retryAfter: res.headers['retry-after'] as string | undefined,
      ms: Date.now() - started,
      code: res.json()?.error?.code,
    };
  }

  beforeAll(async () => {
    nats = await PrivateServer.nats();
    const config = loadConfig(
      GatewayConfig,
      iso.env('gateway', { NATS_URL: nats.url, NATS_REQUEST_TIMEOUT_MS: '5000' }),
    );
    ({ app } = await createGatewayApp(config, createLogger('gateway', 'warn')));
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await commitments?.stop();
    await nats?.stop();
    await iso.cleanup();
  });

  it('no replica of the service: 503 with Retry-After at once', async () => {
    const res = await programmes();
    expect(res).toMatchObject({
      status: 503,
      code: 'UPSTREAM_UNAVAILABLE',
      retryAfter: expect.stringMatching(/^\d+$/),
    });
    expect(res.ms).toBeLessThan(1000);
  });

  it('NATS killed: 503 with Retry-After at once; after NATS is back, requests succeed', async () => {
    commitments = new SpawnedService(
      'commitments',
      iso.env('commitments', { NATS_URL: nats.url, HTTP_PORT: String(await freePort()) }),
    ).start();
    await commitments.ready();
    expect((await programmes()).status).toBe(200);

    await nats.kill();
    const killedAt = Date.now();
    const during: Awaited<ReturnType<typeof programmes>>[] = [];
    // The client notices the lost socket within a moment; from then on, every answer is an immediate 503.
    const first = await waitFor(
      async () => {
        const res = await programmes();
        during.push(res);
        return res.status === 503 ? res : null;
      },
      { timeoutMs: 8000, intervalMs: 50, what: 'a 503 while NATS is down' },
    );
    const secondsTo503 = (Date.now() - killedAt) / 1000;
    for (let i = 0; i < 5; i++) during.push(await programmes());
    expect(first.retryAfter).toMatch(/^\d+$/);
    expect(during.every((r) => r.ms < 1000)).toBe(true);
    expect(during.slice(-5).every((r) => r.status === 503 && r.retryAfter)).toBe(true);
    expect(secondsTo503).toBeLessThan(2);

    await nats.start();
    const restartedAt = Date.now();
    await waitFor(async () => (await programmes()).status === 200, {
      timeoutMs: 20000,
      intervalMs: 100,
      what: 'a 200 after NATS is back',
    });
    const secondsTo200 = (Date.now() - restartedAt) / 1000;
    const after = [];
    for (let i = 0; i < 10; i++) after.push(await programmes());
    expect(after.map((r) => r.status)).toEqual(Array(10).fill(200));
    process.stdout.write(
      `nats outage: first 503 ${secondsTo503.toFixed(2)} s after the kill (slowest answer ${Math.max(...during.map((r) => r.ms))} ms); first 200 ${secondsTo200.toFixed(2)} s after the restart\n`,
    );
  });
});
