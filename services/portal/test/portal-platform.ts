import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, SpawnedService, TestIsolation } from '@ogp/testing';
import { ensurePortalBuild, NEXT_BIN, PORTAL_DIR } from './portal-build';

const ROOT = join(PORTAL_DIR, '..', '..');
const run = promisify(execFile);
export const DEMO_PASSWORD = 'Demo-OGP-2026!';
export const PORTAL_TEST_SECRET = 'portal-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * The whole platform for the browser tests, isolated like every integration suite (own schemas,
 * NATS prefix, Redis prefix): the four services and the gateway as real processes, the demo data
 * loaded through the same scripts as `npm start`, and a production build of the portal (`next start`).
 */
export class PortalPlatform {
  readonly iso = new TestIsolation();
  private readonly services: SpawnedService[] = [];
  gateway!: SpawnedService;
  portal!: SpawnedService;
  gatewayUrl = '';
  portalUrl = '';
  programmeId = '';

  async start(options: { demo?: boolean; smtpUrl?: string } = {}): Promise<this> {
    ensurePortalBuild();
    for (const name of ['commitments', 'participation', 'notifications', 'reporting']) {
      this.services.push(
        new SpawnedService(
          name,
          this.iso.env(name, {
            HTTP_PORT: String(await freePort()),
            SMTP_URL: options.smtpUrl ?? 'smtp://127.0.0.1:9',
          }),
        ).start(),
      );
    }
    await Promise.all(this.services.map((s) => s.ready(180000)));
    this.gateway = new SpawnedService(
      'gateway',
      this.iso.env('gateway', { HTTP_PORT: String(await freePort()), AUTH_RATE_LIMIT_PER_MINUTE: '10000' }),
    ).start();
    await this.gateway.ready(180000);
    this.gatewayUrl = `http://127.0.0.1:${this.gateway.port}`;
    if (options.demo !== false) await this.loadDemo();
    const port = await freePort();
    this.portal = new SpawnedService(
      'portal',
      {
        NODE_ENV: 'production',
        HTTP_PORT: String(port),
        GATEWAY_URL: this.gatewayUrl,
        PORTAL_SECRET: PORTAL_TEST_SECRET,
        NEXT_TELEMETRY_DISABLED: '1',
        HOME: process.env.HOME ?? '/tmp',
      },
      [process.execPath, NEXT_BIN, 'start', PORTAL_DIR, '-p', String(port), '-H', '127.0.0.1'],
    ).start();
    await this.portal.ready(180000);
    this.portalUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  /** The demo data of `npm start`: accounts, programmes, the 2018-2020 plan with progress, the 2021-2023 cycle. */
  private async loadDemo(): Promise<void> {
    await run(process.execPath, [join(ROOT, 'services/gateway/dist/demo/seed-demo.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.iso.env('gateway'), GATEWAY_URL: this.gatewayUrl },
    });
    const programmes = (await (await fetch(`${this.gatewayUrl}/programmes?limit=100`)).json()) as {
      items: { id: string; code: string }[];
    };
    this.programmeId = programmes.items.find((p) => p.code === 'OGP-MA')!.id;
    await run(process.execPath, [join(ROOT, 'services/participation/dist/demo/seed-cycle.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.iso.env('participation'), PROGRAMME_ID: this.programmeId },
    });
  }

  async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(`${this.gatewayUrl}${path}`, init);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<{ accessToken: string; refreshToken: string }> {
    return this.json('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  }

  async stop(): Promise<void> {
    await this.portal?.stop();
    await this.gateway?.stop();
    await Promise.all(this.services.map((s) => s.stop()));
    await this.iso.cleanup();
  }
}
