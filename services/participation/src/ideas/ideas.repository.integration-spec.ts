import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { CoCreationFixture, FIXTURE_NOW as T0 } from '../testing/co-creation.fixture';
import { IdeasRepository } from './ideas.repository';

describe('IdeasRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let fixture: CoCreationFixture;
  let db: DataSource;
  let ideas: IdeasRepository;
  let cycleId: string;
  let otherCycleId: string;
  let themeId: string;
  let otherThemeId: string;
  let otherCycleThemeId: string;
  const author = randomUUID();

  const idea = (title: string, at: string, more: { cycleId?: string; themeId?: string; authorId?: string } = {}) =>
    fixture.idea({ cycleId, themeId, title, at, authorId: author, ...more });

  beforeAll(async () => {
    fixture = await CoCreationFixture.start(iso.env('participation'));
    db = fixture.db;
    ideas = fixture.app.get(IdeasRepository);
    ({
      cycleId,
      themeIds: [themeId, otherThemeId],
    } = await fixture.cycle('ideas', 2));
    ({
      cycleId: otherCycleId,
      themeIds: [otherCycleThemeId],
    } = await fixture.cycle('other', 1));
  });

  afterAll(async () => {
    await fixture?.close();
    await iso.cleanup();
  });

  it('addReport counts one report per person; a repeat changes nothing and says so', async () => {
    const id = await idea('فكرة للتبليغ', '2026-02-01T00:00:00Z');
    const reporter = randomUUID();
    const report = (who: string) => db.transaction((m) => ideas.addReport(m, id, who, 'محتوى مسيء'));
    expect(await report(reporter)).toEqual({ reports: 1, added: true });
    expect(await report(reporter)).toEqual({ reports: 1, added: false });
    expect(await report(randomUUID())).toEqual({ reports: 2, added: true });
  });

  it('hide hides a visible idea once; visibleCycleOf no longer sees it', async () => {
    const id = await idea('فكرة للإخفاء', '2026-02-01T00:00:00Z');
    const hide = () => db.transaction((m) => ideas.hide(m, id, { at: T0.toISOString(), reason: 'مسيء', by: author }));
    expect(await db.transaction((m) => ideas.visibleCycleOf(m, id))).toBe(cycleId);
    expect(await hide()).toBe(true);
    expect(await hide()).toBe(false);
    expect(await db.transaction((m) => ideas.visibleCycleOf(m, id))).toBeNull();
    expect(
      await db.transaction((m) => ideas.hide(m, randomUUID(), { at: T0.toISOString(), reason: 'x', by: author })),
    ).toBe(false);
  });

  it('support counts each person once', async () => {
    const id = await idea('فكرة للدعم', '2026-02-01T00:00:00Z');
    const user = randomUUID();
    expect(await db.transaction((m) => ideas.support(m, id, user))).toBe(1);
    expect(await db.transaction((m) => ideas.support(m, id, user))).toBe(1);
    expect(await db.transaction((m) => ideas.support(m, id, randomUUID()))).toBe(2);
    expect((await ideas.find(id))?.supports).toBe(2);
  });

  it('visiblePage: the cycle’s visible ideas of the theme asked, newest first, with the total', async () => {
    await db.query(`TRUNCATE idea_reports, idea_supports, idea_steps, ideas`);
    const old = await idea('قديمة', '2026-01-01T00:00:00Z');
    const recent = await idea('حديثة', '2026-02-01T00:00:00Z');
    const otherTheme = await idea('موضوع آخر', '2026-02-02T00:00:00Z', { themeId: otherThemeId });
    const hidden = await idea('مخفية', '2026-02-03T00:00:00Z');
    await db.transaction((m) => ideas.hide(m, hidden, { at: T0.toISOString(), reason: 'مسيء', by: author }));
    await idea('دورة أخرى', '2026-02-04T00:00:00Z', { cycleId: otherCycleId, themeId: otherCycleThemeId });
    const all = await ideas.visiblePage(cycleId, undefined, 10, 0);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id)).toEqual([otherTheme, recent, old]);
    const ofTheme = await ideas.visiblePage(cycleId, themeId, 1, 1);
    expect(ofTheme.total).toBe(2);
    expect(ofTheme.rows.map((r) => r.id)).toEqual([old]);
  });

  it('similar: trigram-close visible ideas of the cycle only, closest first', async () => {
    const close = await idea('نشر ميزانية الجماعات بصيغة مفتوحة', '2026-02-05T00:00:00Z');
    const hidden = await idea('نشر ميزانية الجماعات بصيغة مفتوحة جدا', '2026-02-05T00:00:00Z');
    await db.transaction((m) => ideas.hide(m, hidden, { at: T0.toISOString(), reason: 'مكرر', by: author }));
    await idea('نشر ميزانية الجماعات بصيغة مفتوحة', '2026-02-05T00:00:00Z', {
      cycleId: otherCycleId,
      themeId: otherCycleThemeId,
    });
    await idea('تحسين الولوج إلى العدالة', '2026-02-05T00:00:00Z');
    const found = await ideas.similar(cycleId, 'نشر ميزانية الجماعات');
    expect(found.map((f) => f.id)).toEqual([close]);
    expect(found[0].similarity).toBeGreaterThan(0.3);
  });

  it('pageOfAuthor: an author’s ideas, newest first', async () => {
    const someone = randomUUID();
    const first = await idea('أولى', '2026-01-01T00:00:00Z', { authorId: someone });
    const second = await idea('ثانية', '2026-01-02T00:00:00Z', { authorId: someone });
    expect(await ideas.pageOfAuthor(someone, 10, 0)).toEqual({ ids: [second, first], total: 2 });
  });
});
