import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Actor } from '@ogp/auth';
import { ReportingRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { createLogger, loadConfig } from '@ogp/runtime';
import { TEST_NATS_URL, TestIsolation } from '@ogp/testing';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { createReportingApp } from '../reporting.app';
import { ReportingConfig } from '../reporting.config';

/**
 * Requesting a report is a create over RPC: with an Idempotency-Key (forwarded by the gateway), a
 * retry after a lost answer gets the first report back and stores (and queues) no second one.
 */
describe('request a report with an idempotency key (real Postgres, NATS, Redis)', () => {
  const iso = new TestIsolation();
  const actor: Actor = { id: randomUUID(), roles: ['coordinator'], scopes: { institutions: [], programmes: [] } };
  let app: INestApplication;
  let nc: NatsConnection;
  let rpc: NatsRpcClient;
  let db: DataSource;

  const reports = async (): Promise<number> =>
    (await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM reports WHERE created_by = $1`, [actor.id]))[0].n;

  beforeAll(async () => {
    const config = loadConfig(ReportingConfig, iso.env('reporting'));
    ({ app } = await createReportingApp(config, createLogger('reporting', 'warn')));
    db = app.get(DataSource);
    nc = await connect({ servers: TEST_NATS_URL });
    rpc = new NatsRpcClient(() => nc, iso.prefix, 10000);
  });

  afterAll(async () => {
    rpc?.close();
    await nc?.close();
    await app?.close();
    await iso.cleanup();
  });

  it('a retry with the same key gets the first report and stores one row; another key requests anew', async () => {
    const dto = { kind: 'activities' as const, format: 'json' as const };
    const first = await rpc.request(ReportingRpc.requestReport, dto, { actor, idempotencyKey: 'report-1' });
    expect(first).toMatchObject({ kind: 'activities', format: 'json' });
    expect(await reports()).toBe(1);

    // The retry of the first request (its answer was lost): the same report, and no second row.
    const retry = await rpc.request(ReportingRpc.requestReport, dto, { actor, idempotencyKey: 'report-1' });
    expect(retry.id).toBe(first.id);
    expect(await reports()).toBe(1);

    const again = await rpc.request(ReportingRpc.requestReport, dto, { actor, idempotencyKey: 'report-2' });
    expect(again.id).not.toBe(first.id);
    expect(await reports()).toBe(2);
  });
});
