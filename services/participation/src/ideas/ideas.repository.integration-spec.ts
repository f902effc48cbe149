import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { createLogger, FixedClock, loadConfig } from '@ogp/runtime';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { DemoCycleRepository } from '../demo/demo-cycle.repository';
import { createParticipationApp } from '../participation.app';
import { ParticipationConfig } from '../participation.config';
import { IdeasRepository } from './ideas.repository';

const T0 = new Date('2026-03-01T08:00:00Z');

describe('IdeasRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let app: INestApplication;
  let db: DataSource;
  let ideas: IdeasRepository;
  let write: DemoCycleRepository;
  const cycleId = randomUUID();
  const otherCycleId = randomUUID();
  const themeId = randomUUID();
  const otherThemeId = randomUUID();
  const author = randomUUID();

  async function idea(title: string, at: string, more: { cycleId?: string; themeId?: string; authorId?: string } = {}) {
    const id = randomUUID();
    await write.insertIdea({
      id,
      cycleId: more.cycleId ?? cycleId,
      themeId: more.themeId ?? themeId,
      channel: 'portal',
      workshopId: null,
      title,
      body: title,
      authorId: more.authorId ?? author,
      searchText: title,
      at,
    });
    return id;
  }

  beforeAll(async () => {
    const config = loadConfig(ParticipationConfig, iso.env('participation'));
    ({ app } = await createParticipationApp(config, createLogger('participation', 'warn'), new FixedClock(T0)));
    db = app.get(DataSource);
    ideas = app.get(IdeasRepository);
    write = new DemoCycleRepository(db.manager);
    for (const id of [cycleId, otherCycleId]) await write.insertCycle(id, randomUUID(), id.slice(0, 8), { ar: 'دورة' });
    await write.insertTheme(themeId, cycleId, 1, { ar: 'موضوع' });
    await write.insertTheme(otherThemeId, cycleId, 2, { ar: 'موضوع ثان' });
    await write.insertTheme(randomUUID(), otherCycleId, 1, { ar: 'موضوع' });
  });

  afterAll(async () => {
    await app?.close();
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
    await idea('دورة أخرى', '2026-02-04T00:00:00Z', { cycleId: otherCycleId, themeId: otherThemeId });
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
      themeId: otherThemeId,
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
