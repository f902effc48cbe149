import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, loadConfig } from '@ogp/runtime';
import { PrivateServer, TestIsolation, waitFor } from '@ogp/testing';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';

// The suite's own redis-server, killed and started again; the shared one is never touched.
describe('gateway readiness while Redis is away (private redis-server)', () => {
  const iso = new TestIsolation();
  let redis: PrivateServer;
  let app: NestFastifyApplication;

  async function ready() {
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    return { status: res.statusCode, checks: res.json().checks as Record<string, string> };
  }

  beforeAll(async () => {
    redis = await PrivateServer.redis();
    const config = loadConfig(GatewayConfig, iso.env('gateway', { REDIS_URL: redis.url }));
    ({ app } = await createGatewayApp(config, createLogger('gateway', 'warn')));
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
    await iso.cleanup();
  });

  it('stays ready (Redis shown as degraded) and keeps serving while Redis is down', async () => {
    await waitFor(async () => (await ready()).checks.redis === 'up', { what: 'redis up in readiness' });
    await redis.kill();
    const during = await ready();
    expect(during.status).toBe(200);
    expect(during.checks.redis).toMatch(/^degraded: /);
    // The rate-limited login route still answers (the limiter fails open): a wrong password is 401, not an error.
    const login = await app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'nobody@test.ma', password: 'not the password' }),
    });
    expect(login.statusCode).toBe(401);
    await redis.start();
    await waitFor(async () => (await ready()).checks.redis === 'up', {
      timeoutMs: 20000,
      what: 'redis up again in readiness',
    });
  });
});
