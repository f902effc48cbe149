import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, loadConfig } from '@ogp/runtime';
import { freePort, SeverableProxy, SpawnedService, TEST_DATABASE_URL, TestIsolation, waitFor } from '@ogp/testing';
import { createGatewayApp } from '../gateway.app';
import { GatewayConfig } from '../gateway.config';
import { UsersService } from '../identity/users.service';
import { SYSTEM_ADMIN, httpRequest } from '../testing/gateway-client.fixture';

const PASSWORD = 'correct horse battery';

// Postgres "dies" for the gateway and a service by a cut relay; the shared server is never touched.
describe('gateway and services while Postgres is unreachable', () => {
  const iso = new TestIsolation();
  let proxy: SeverableProxy;
  let app: NestFastifyApplication;
  let commitments: SpawnedService;
  let token: string;
  let base: string;

  async function call(method: 'GET' | 'POST', url: string, options: { token?: string; body?: unknown } = {}) {
    // Real HTTP: the public answers the gateway holds are served by its server's front door.
    const res = await httpRequest(base, method, url, { token: options.token, body: options.body || undefined });
    return {
      status: res.statusCode,
      code: (JSON.parse(res.body || 'null') as { error?: { code?: string } } | null)?.error?.code,
      retryAfter: res.headers['retry-after'],
    };
  }

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL);
    proxy = await SeverableProxy.to({ host: target.hostname, port: Number(target.port || 5432) });
    const databaseUrl = proxy.route(TEST_DATABASE_URL);
    commitments = new SpawnedService(
      'commitments',
      iso.env('commitments', { DATABASE_URL: databaseUrl, HTTP_PORT: String(await freePort()) }),
    ).start();
    const config = loadConfig(
      GatewayConfig,
      iso.env('gateway', {
        DATABASE_URL: databaseUrl,
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
        SESSION_RECHECK_SECONDS: '3',
      }),
    );
    ({ app } = await createGatewayApp(config, createLogger('gateway', 'warn')));
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
    await commitments.ready();
    await app.get(UsersService).createByStaff(SYSTEM_ADMIN, {
      email: 'pm@test.ma',
      password: PASSWORD,
      displayName: 'pm',
      roles: ['project_manager'],
    });
    const login = await app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'pm@test.ma', password: PASSWORD }),
    });
    token = login.json().accessToken;
  });

  afterAll(async () => {
    await proxy?.mend();
    await app?.close();
    await commitments?.stop();
    await proxy?.cut();
    await iso.cleanup();
  });

  it('answers 503 with Retry-After (never 500, never 401 for a valid token) and serves again once Postgres is back', async () => {
    expect((await call('GET', '/me', { token })).status).toBe(200);
    expect((await call('GET', '/programmes')).status).toBe(200);

    await proxy.cut();
    // Past the gateway's few seconds of session cache, so the session check has to reach Postgres.
    await new Promise((r) => setTimeout(r, 3200));
    const session = await call('GET', '/me', { token });
    // A public answer the gateway already holds is still served (nothing can change it while
    // Postgres is away); one it does not hold has to reach the service, whose database is gone.
    expect((await call('GET', '/programmes')).status).toBe(200);
    const service = await call('GET', '/programmes?limit=7');
    const login = await call('POST', '/auth/login', { body: { email: 'pm@test.ma', password: PASSWORD } });
    for (const res of [session, service, login])
      expect(res).toMatchObject({
        status: 503,
        code: 'UPSTREAM_UNAVAILABLE',
        retryAfter: expect.stringMatching(/^\d+$/),
      });

    await proxy.mend();
    await waitFor(
      async () =>
        (await call('GET', '/me', { token })).status === 200 && (await call('GET', '/programmes')).status === 200,
      { timeoutMs: 20000, what: 'answers once Postgres is reachable' },
    );
  });
});
