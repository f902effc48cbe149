import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { IdeasRepository } from '../ideas/ideas.repository';
import { CoCreationFixture, FIXTURE_NOW as T0 } from '../testing/co-creation.fixture';
import { FateRepository } from './fate.repository';

describe('FateRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let fixture: CoCreationFixture;
  let app: INestApplication;
  let db: DataSource;
  let fate: FateRepository;
  let cycleId: string;
  let themeId: string;
  let otherThemeId: string;
  const draftId = randomUUID();

  const idea = (at: string, theme = themeId) => fixture.idea({ cycleId, themeId: theme, title: `فكرة ${at}`, at });

  beforeAll(async () => {
    fixture = await CoCreationFixture.start(iso.env('participation'));
    ({ app, db } = fixture);
    fate = app.get(FateRepository);
    ({
      cycleId,
      themeIds: [themeId, otherThemeId],
    } = await fixture.cycle('fate', 2));
    await fixture.write.insertDraft(draftId, cycleId, 1, { ar: 'التزام' }, 'مؤسسة');
  });

  afterAll(async () => {
    await fixture?.close();
    await iso.cleanup();
  });

  it('move writes the new status and only the columns the step sets', async () => {
    const id = await idea('2026-01-01T00:00:00Z');
    await db.transaction((m) => fate.move(m, id, 'rejected', { rejection_reason: 'not_precise' }));
    let row = await app.get(IdeasRepository).find(id);
    expect(row).toMatchObject({ status: 'rejected', rejection_reason: 'not_precise', explanation: null });
    await db.transaction((m) =>
      fate.move(m, id, 'retained', { draft_commitment_id: draftId, explanation: 'أدمجت في الالتزام' }),
    );
    row = await app.get(IdeasRepository).find(id);
    expect(row).toMatchObject({
      status: 'retained',
      rejection_reason: 'not_precise',
      draft_commitment_id: draftId,
      explanation: 'أدمجت في الالتزام',
      institution: null,
    });
  });

  it('lock and lockMany read the fate columns; lockMany in id order, unknown ids left out', async () => {
    const a = await idea('2026-01-02T00:00:00Z');
    const b = await idea('2026-01-03T00:00:00Z');
    const locked = await db.transaction((m) => fate.lockMany(m, [b, randomUUID(), a]));
    expect(locked.map((r) => r.id)).toEqual([a, b].sort());
    expect(locked[0]).toMatchObject({ cycle_id: cycleId, status: 'received', published_at: null });
    expect(await db.transaction((m) => fate.lock(m, randomUUID()))).toBeUndefined();
  });

  it('publish stamps the fate with its explanation', async () => {
    const id = await idea('2026-01-04T00:00:00Z');
    await db.transaction((m) => fate.publish(m, id, T0.toISOString(), 'التفسير'));
    expect(await app.get(IdeasRepository).find(id)).toMatchObject({ published_at: T0, explanation: 'التفسير' });
  });

  it('triagePage filters by status, theme, reports and hiding; reported ones most reported first', async () => {
    await db.query(`TRUNCATE idea_reports, idea_supports, idea_steps, ideas`);
    const first = await idea('2026-02-01T00:00:00Z');
    const second = await idea('2026-02-02T00:00:00Z', otherThemeId);
    const third = await idea('2026-02-03T00:00:00Z');
    const hidden = await idea('2026-02-04T00:00:00Z');
    await db.transaction(async (m) => {
      await fate.move(m, second, 'accepted', {});
      const ideas = app.get(IdeasRepository);
      await ideas.addReport(m, first, randomUUID(), 'سبب');
      for (let i = 0; i < 2; i++) await ideas.addReport(m, third, randomUUID(), 'سبب');
      await ideas.addReport(m, hidden, randomUUID(), 'سبب');
      await ideas.hide(m, hidden, { at: T0.toISOString(), reason: 'مسيء', by: randomUUID() });
    });
    const ids = async (filter: Partial<Parameters<FateRepository['triagePage']>[0]>, limit = 10, offset = 0) => {
      const { rows, total } = await fate.triagePage({ cycleId, ...filter }, limit, offset);
      return { ids: rows.map((r) => r.id), total };
    };
    expect(await ids({})).toEqual({ ids: [first, second, third, hidden], total: 4 });
    expect(await ids({}, 2, 1)).toEqual({ ids: [second, third], total: 4 });
    expect(await ids({ status: 'accepted' })).toEqual({ ids: [second], total: 1 });
    expect(await ids({ themeId })).toEqual({ ids: [first, third, hidden], total: 3 });
    expect(await ids({ reported: true })).toEqual({ ids: [third, first], total: 2 });
    expect(await ids({ hidden: true })).toEqual({ ids: [hidden], total: 1 });
    expect(await ids({ hidden: false })).toEqual({ ids: [first, second, third], total: 3 });
    expect(await ids({ cycleId: randomUUID() })).toEqual({ ids: [], total: 0 });
  });
});
