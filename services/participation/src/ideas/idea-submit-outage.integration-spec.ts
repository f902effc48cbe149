import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Actor } from '@ogp/auth';
import { SeverableProxy, TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { Client } from 'pg';
import { CoCreationFixture } from '../testing/co-creation.fixture';
import { IdeasService } from './ideas.service';

// Postgres goes away right after the idea's transaction commits (a cut relay; the shared server is untouched).
describe('an idea submitted just before Postgres goes away', () => {
  const iso = new TestIsolation();
  let proxy: SeverableProxy;
  let app: INestApplication;
  let pg: Client;
  let cycleId: string;
  let themeId: string;

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL);
    proxy = await SeverableProxy.to({ host: target.hostname, port: Number(target.port || 5432) });
    const fixture = await CoCreationFixture.start(
      iso.env('participation', { DATABASE_URL: proxy.route(TEST_DATABASE_URL) }),
    );
    app = fixture.app;
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    ({ cycleId, themeId } = await fixture.cycleOpenForIdeas('FAULT'));
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
