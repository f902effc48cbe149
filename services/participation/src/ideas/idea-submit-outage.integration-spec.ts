import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Actor } from '@ogp/auth';
import { createLogger, FixedClock, loadConfig } from '@ogp/runtime';
import { SeverableProxy, TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { Client } from 'pg';
import { createParticipationApp } from '../participation.app';
import { ParticipationConfig } from '../participation.config';
import { IdeasService } from './ideas.service';

const T0 = new Date('2026-03-01T08:00:00Z');

// Postgres goes away right after the idea's transaction commits (a cut relay; the shared server is untouched).
describe('an idea submitted just before Postgres goes away', () => {
  const iso = new TestIsolation();
  let proxy: SeverableProxy;
  let app: INestApplication;
  let pg: Client;
  const cycleId = randomUUID();
  const themeId = randomUUID();

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL);
    proxy = await SeverableProxy.to({ host: target.hostname, port: Number(target.port || 5432) });
    const config = loadConfig(
      ParticipationConfig,
      iso.env('participation', { DATABASE_URL: proxy.route(TEST_DATABASE_URL) }),
    );
    ({ app } = await createParticipationApp(config, createLogger('participation', 'warn'), new FixedClock(T0)));
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    const s = `"${iso.schema('participation')}"`;
    await pg.query(
      `INSERT INTO ${s}.cycles (id, programme_id, code, title) VALUES ($1, $2, 'FAULT', '{"ar":"دورة"}')`,
      [cycleId, randomUUID()],
    );
    await pg.query(`INSERT INTO ${s}.phases (cycle_id, kind, opens_at, closes_at) VALUES ($1, 'ideas', $2, $3)`, [
      cycleId,
      new Date(T0.getTime() - 3600_000),
      new Date(T0.getTime() + 3600_000),
    ]);
    await pg.query(`INSERT INTO ${s}.themes (id, cycle_id, number, title) VALUES ($1, $2, 1, '{"ar":"موضوع"}')`, [
      themeId,
      cycleId,
    ]);
  });

  afterAll(async () => {
    await proxy?.mend();
    await app?.close();
    await proxy?.cut();
    await pg?.end();
    await iso.cleanup();
  });

  it('answers with the stored idea, from what its transaction returned', async () => {
    const citizen: Actor = { id: randomUUID(), roles: ['citizen'], scopes: { institutions: [], programmes: [] } };
    const cut = proxy.cutAfterCommitOf('INSERT INTO ideas');
    const idea = await app.get(IdeasService).submit(citizen, {
      cycleId,
      themeId,
      title: 'نشر البيانات المفتوحة',
      body: 'اقتراح بنشر ميزانيات الجماعات بصيغة مفتوحة.',
    });
    await cut;
    const { rows } = await pg.query(`SELECT id FROM "${iso.schema('participation')}".ideas`);
    expect(rows).toEqual([{ id: idea.id }]);
    expect(idea).toMatchObject({
      authorId: citizen.id,
      status: 'received',
      path: [expect.objectContaining({ status: 'received' })],
    });
  });
});
