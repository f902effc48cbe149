import { randomUUID } from 'node:crypto';
import { ProgrammeSettingsChangedEvent, ProgressReportedEvent } from '@ogp/contracts';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { commitmentCopy, reportingDatabase, TEST_TITLE as title } from '../testing/reporting-database.testing';
import { ReadModelsRepository } from './read-models.repository';

describe('ReadModelsRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  const repo = new ReadModelsRepository();
  let db: DataSource;

  beforeAll(async () => {
    db = await reportingDatabase(iso);
  });

  afterAll(async () => {
    await db?.destroy();
    await iso.cleanup();
  });

  const commitment = (activities: string[]) => commitmentCopy({ activities });
  /** One progress report recorded on its own (a batch of one, as one event arrives). */
  const record = (r: ProgressReportedEvent, occurredAt: string) =>
    repo.recordProgressReports(db.manager, [{ report: r, occurredAt }]);
  /** A new progress report on one of the commitment's activities, made on 1 March 2026. */
  const reportOn = (
    c: ReturnType<typeof commitment>,
    r: Pick<ProgressReportedEvent, 'activityId' | 'progress' | 'results'>,
  ): ProgressReportedEvent => ({
    commitmentId: c.id,
    planId: c.planId,
    programmeId: c.programmeId,
    leadInstitutionId: c.institutionId,
    number: 1,
    title,
    reportId: randomUUID(),
    reportedOn: '2026-03-01',
    reportedBy: randomUUID(),
    ...r,
  });

  it('settings: an event replaces the copy only when newer; a rebuild also at the same version', async () => {
    const settings = (version: number, days: number): ProgrammeSettingsChangedEvent => ({
      programmeId,
      deadlineNoticeDays: days,
      escalationDays: 14,
      reportingPeriodDays: 60,
      timeZone: 'Africa/Casablanca',
      version,
    });
    const programmeId = randomUUID();
    const notice = async () =>
      (
        await db.query<{ n: number; version: number }[]>(
          `SELECT deadline_notice_days AS n, version FROM programme_settings WHERE programme_id = $1`,
          [programmeId],
        )
      )[0];
    await repo.upsertSettings(db.manager, settings(2, 10), 'newer');
    await repo.upsertSettings(db.manager, settings(1, 20), 'newer');
    expect(await notice()).toEqual({ n: 10, version: 2 });
    await repo.upsertSettings(db.manager, settings(2, 30), 'newer');
    expect(await notice()).toEqual({ n: 10, version: 2 });
    await repo.upsertSettings(db.manager, settings(2, 30), 'not_older');
    expect(await notice()).toEqual({ n: 30, version: 2 });
  });

  it('a progress report is kept once, sets its activity, and moves the last report forward only', async () => {
    const activityId = randomUUID();
    const c = commitment([activityId]);
    await repo.upsertCommitment(db.manager, c);
    const report = (progress: number) => reportOn(c, { activityId, progress, results: progress === 40 ? title : null });
    const first = report(40);
    await record(first, '2026-03-02T10:00:00Z');
    await record(first, '2026-03-02T10:00:00Z');
    await record(report(60), '2026-03-01T10:00:00Z');
    const [row] = await db.query<{ last: string; results: unknown; reports: number; progress: string }[]>(
      `SELECT c.last_report_at AT TIME ZONE 'UTC' AS last, c.last_results AS results,
              (SELECT count(*)::int FROM rm_progress_reports r WHERE r.commitment_id = c.id) AS reports,
              (SELECT a.progress FROM rm_activities a WHERE a.id = $2) AS progress
         FROM rm_commitments c WHERE c.id = $1`,
      [c.id, activityId],
    );
    expect(row).toEqual({ last: new Date('2026-03-02T10:00:00'), results: title, reports: 2, progress: '60.00' });
  });

  it('progress events applied as one batch leave the state that applying them one by one leaves', async () => {
    // The same events on two copies of a commitment: one by one on the first, in one batch on the second.
    const copies = [0, 1].map(() => ({ c: commitment([randomUUID(), randomUUID()]), reportIds: [] as string[] }));
    for (const { c } of copies) await repo.upsertCommitment(db.manager, c);
    const steps: { activity: number; progress: number; results: boolean; at: string }[] = [
      { activity: 0, progress: 40, results: true, at: '2026-03-02T10:00:00Z' },
      { activity: 1, progress: 30, results: false, at: '2026-03-02T09:00:00Z' },
      { activity: 0, progress: 55, results: true, at: '2026-03-03T11:00:00Z' },
      { activity: 0, progress: 20, results: false, at: '2026-03-01T08:00:00Z' },
    ];
    const events = copies.map(({ c }) =>
      steps.map((step, i) => ({
        report: reportOn(c, {
          activityId: c.activities[step.activity].id,
          progress: step.progress,
          results: step.results ? { ar: `نتيجة ${i}` } : null,
        }),
        occurredAt: step.at,
      })),
    );
    // A report given twice (at the end) is kept once either way.
    const [one, batch] = events.map((e) => [...e, e[0]]);
    for (const e of one) await record(e.report, e.occurredAt);
    for (const value of [10, 50, 30])
      await repo.setCommitmentColumn(db.manager, 'progress', [{ commitmentId: copies[0].c.id, value }]);
    for (const level of ['in_progress', 'completed', 'in_progress'])
      await repo.setCommitmentColumn(db.manager, 'completion_level', [{ commitmentId: copies[0].c.id, value: level }]);
    await db.transaction(async (m) => {
      await repo.recordProgressReports(m, batch);
      await repo.setCommitmentColumn(
        m,
        'progress',
        [10, 50, 30].map((value) => ({ commitmentId: copies[1].c.id, value })),
      );
      await repo.setCommitmentColumn(
        m,
        'completion_level',
        ['in_progress', 'completed', 'in_progress'].map((value) => ({ commitmentId: copies[1].c.id, value })),
      );
    });
    const state = async ({ c }: (typeof copies)[number]) =>
      (
        await db.query(
          `SELECT c.progress, c.completion_level, c.last_report_at, c.last_results,
                  (SELECT count(*)::int FROM rm_progress_reports r WHERE r.commitment_id = c.id) AS reports,
                  ARRAY(SELECT a.progress FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, n)
                          JOIN rm_activities a ON a.id = o.id ORDER BY o.n) AS activities
             FROM rm_commitments c WHERE c.id = $1`,
          [c.id, c.activities.map((a) => a.id)],
        )
      )[0];
    const expected = await state(copies[0]);
    expect(expected).toEqual({
      progress: '30.00',
      completion_level: 'in_progress',
      last_report_at: new Date('2026-03-03T11:00:00Z'),
      // The repeated first report comes last: its activity and results are the last ones given.
      last_results: { ar: 'نتيجة 0' },
      reports: 4,
      activities: [40, 30],
    });
    expect(await state(copies[1])).toEqual(expected);
  });

  it('a rebuild marks removed the activities its snapshot no longer has, and an upsert brings one back', async () => {
    const [kept, dropped] = [randomUUID(), randomUUID()];
    const c = commitment([kept, dropped]);
    await repo.upsertCommitment(db.manager, c);
    await repo.removeActivitiesExcept(db.manager, c.id, [kept]);
    const removed = async () =>
      (
        await db.query<{ id: string; removed: boolean }[]>(
          `SELECT id, removed FROM rm_activities WHERE commitment_id = $1`,
          [c.id],
        )
      )
        .filter((a) => a.removed)
        .map((a) => a.id);
    expect(await removed()).toEqual([dropped]);
    await repo.upsertCommitment(db.manager, c);
    expect(await removed()).toEqual([]);
  });

  it('the dashboard snapshot is one row a day, rewritten when taken again', async () => {
    await repo.upsertProgramme(db.manager, {
      programmeId: randomUUID(),
      code: 'P1',
      kind: 'ogp_national',
      name: title,
    });
    const first = await repo.takeDashboardSnapshot(db.manager, '2026-03-01');
    await repo.upsertProgramme(db.manager, {
      programmeId: randomUUID(),
      code: 'P2',
      kind: 'ogp_national',
      name: title,
    });
    const again = await repo.takeDashboardSnapshot(db.manager, '2026-03-01');
    expect(first.day).toBe('2026-03-01');
    expect(again).toEqual({ day: '2026-03-01', programmes: first.programmes + 1 });
    expect((await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM dashboard_snapshots`))[0].n).toBe(1);
  });
});
