import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { ReadModelsRepository } from '../read-models/read-models.repository';
import { AlertFilter, AlertsRepository } from './alerts.repository';
import { commitmentCopy, reportingDatabase, TEST_TITLE as title } from '../testing/reporting-database.testing';

describe('AlertsRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  const activityTitle = { ar: 'نشاط', fr: 'activité', en: 'activity' };
  const programmeP = randomUUID();
  const programmeQ = randomUUID();
  const commitmentId = randomUUID();
  const activityId = randomUUID();
  let db: DataSource;
  let alerts: AlertsRepository;
  const ids: Record<string, string> = {};

  const all: AlertFilter = { programmeId: null, kind: null, programmes: null };

  beforeAll(async () => {
    db = await reportingDatabase(iso);
    alerts = new AlertsRepository(db);
    const copy = commitmentCopy({ commitmentId, programmeId: programmeP });
    await db.transaction(async (m) => {
      await new ReadModelsRepository().upsertCommitment(m, copy);
      await new ReadModelsRepository().addActivity(m, {
        activityId,
        commitmentId,
        title: activityTitle,
        endDate: '2026-06-30',
      });
    });
    // Raised oldest first: overdue activity (P), late commitment (P), overdue on Q.
    const raise = async (name: string, kind: string, itemId: string, programmeId: string, at: string) => {
      ids[name] = randomUUID();
      await db.query(
        `INSERT INTO alerts (id, kind, item_id, programme_id, period_key, raised_at) VALUES ($1, $2, $3, $4, '2026-05', $5)`,
        [ids[name], kind, itemId, programmeId, at],
      );
    };
    await raise('activity', 'activity_overdue', activityId, programmeP, '2026-05-01T00:00:00Z');
    await raise('commitment', 'late_reporting', commitmentId, programmeP, '2026-05-02T00:00:00Z');
    await raise('other', 'activity_overdue', randomUUID(), programmeQ, '2026-05-03T00:00:00Z');
  });

  afterAll(async () => {
    await db?.destroy();
    await iso.cleanup();
  });

  it('page: newest first, with the commitment of an activity or of the commitment itself, and the titles', async () => {
    const page = await alerts.page(all, 10, 0);
    expect(page.map((a) => a.id)).toEqual([ids.other, ids.commitment, ids.activity]);
    expect(page[2]).toMatchObject({
      kind: 'activity_overdue',
      itemId: activityId,
      programmeId: programmeP,
      period: '2026-05',
      commitmentId,
      commitmentTitle: title,
      activityTitle,
    });
    expect(page[1]).toMatchObject({ commitmentId, commitmentTitle: title, activityTitle: null });
    expect(page[0]).toMatchObject({ commitmentId: null, commitmentTitle: null, activityTitle: null });
    expect((await alerts.page(all, 1, 1)).map((a) => a.id)).toEqual([ids.commitment]);
    expect(await alerts.count(all)).toBe(3);
  });

  it('filters by programme and by kind; null means any', async () => {
    const byProgramme = { ...all, programmeId: programmeP };
    expect((await alerts.page(byProgramme, 10, 0)).map((a) => a.id)).toEqual([ids.commitment, ids.activity]);
    expect(await alerts.count(byProgramme)).toBe(2);
    const byKind = { ...all, kind: 'activity_overdue' };
    expect((await alerts.page(byKind, 10, 0)).map((a) => a.id)).toEqual([ids.other, ids.activity]);
    expect(await alerts.count({ ...byProgramme, kind: 'activity_overdue' })).toBe(1);
  });

  it("scope: only the reader's programmes; an empty scope sees nothing, a filter outside it nothing either", async () => {
    const scoped = { ...all, programmes: [programmeQ] };
    expect((await alerts.page(scoped, 10, 0)).map((a) => a.id)).toEqual([ids.other]);
    expect(await alerts.count(scoped)).toBe(1);
    expect(await alerts.count({ ...all, programmes: [] })).toBe(0);
    expect(await alerts.page({ ...all, programmes: [] }, 10, 0)).toEqual([]);
    expect(await alerts.count({ ...scoped, programmeId: programmeP })).toBe(0);
  });
});
