import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { CoCreationFixture } from '../testing/co-creation.fixture';
import { PublicationsRepository } from './publications.repository';

describe('PublicationsRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let fixture: CoCreationFixture;
  let db: DataSource;
  let publications: PublicationsRepository;
  const draft = (kind: string) =>
    publications.insert(db.manager, randomUUID(), { kind, title: { ar: kind }, body: { ar: 'نص' } }, randomUUID());

  beforeAll(async () => {
    fixture = await CoCreationFixture.start(iso.env('participation'));
    db = fixture.db;
    publications = fixture.app.get(PublicationsRepository);
  });

  afterAll(async () => {
    await fixture?.close();
    await iso.cleanup();
  });

  it('publish publishes a draft once; page shows published ones newest first, drafts only when asked, by kind', async () => {
    const news = await draft('news');
    const guide = await draft('guide');
    const unpublished = await draft('news');
    const publish = (id: string, at: string) => db.transaction((m) => publications.publish(m, id, at));
    expect(await publish(news.id, '2026-02-01T00:00:00Z')).toMatchObject({ status: 'published', kind: 'news' });
    expect(await publish(news.id, '2026-02-02T00:00:00Z')).toBeUndefined();
    await publish(guide.id, '2026-02-03T00:00:00Z');
    const ids = async (filter: { kind?: string; drafts: boolean }) => {
      const { rows, total } = await publications.page(filter, 10, 0);
      return { ids: rows.map((r) => r.id), total };
    };
    expect(await ids({ drafts: false })).toEqual({ ids: [guide.id, news.id], total: 2 });
    expect(await ids({ drafts: false, kind: 'news' })).toEqual({ ids: [news.id], total: 1 });
    expect((await ids({ drafts: true, kind: 'news' })).ids.sort()).toEqual([news.id, unpublished.id].sort());
    expect((await ids({ drafts: true })).total).toBe(3);
  });
});
