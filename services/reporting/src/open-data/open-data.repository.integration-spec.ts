import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { ReadModelsRepository } from '../read-models/read-models.repository';
import { OpenActivityRow, OpenDataRepository } from './open-data.repository';
import { commitmentCopy, reportingDatabase, TEST_TITLE as title } from '../testing/reporting-database.testing';

describe('OpenDataRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  const planId = randomUUID();
  const commitmentId = randomUUID();
  const act = { done: randomUUID(), late: randomUUID(), going: randomUUID(), waiting: randomUUID() };
  let db: DataSource;
  let openData: OpenDataRepository;

  const all = async (at: Date): Promise<OpenActivityRow[]> => {
    const rows: OpenActivityRow[] = [];
    for await (const r of openData.activities(planId, at)) rows.push(r);
    return rows;
  };

  beforeAll(async () => {
    db = await reportingDatabase(iso);
    openData = new OpenDataRepository(db);
    const copy = commitmentCopy({ commitmentId, planId });
    const readModels = new ReadModelsRepository();
    await db.transaction(async (m) => {
      await readModels.upsertCommitment(m, copy);
      const add = (id: string, endDate: string) =>
        readModels.addActivity(m, { activityId: id, commitmentId, title, endDate });
      await add(act.done, '2026-03-31');
      await add(act.late, '2026-04-30');
      await add(act.going, '2026-09-30');
      await add(act.waiting, '2026-10-31');
    });
    const progress = (id: string, p: number) =>
      db.query(`UPDATE rm_activities SET progress = $2 WHERE id = $1`, [id, p]);
    await progress(act.done, 100);
    await progress(act.late, 50);
    await progress(act.going, 20);
  });

  afterAll(async () => {
    await db?.destroy();
    await iso.cleanup();
  });

  it('activities: by deadline, each with its status as of the day asked (completed, overdue, in progress, not started)', async () => {
    const rows = await all(new Date('2026-06-15T09:00:00Z'));
    expect(rows.map((r) => [r.endDate, r.progress, r.status])).toEqual([
      ['2026-03-31', 100, 'completed'],
      ['2026-04-30', 50, 'overdue'],
      ['2026-09-30', 20, 'in_progress'],
      ['2026-10-31', 0, 'not_started'],
    ]);
    expect(rows[0]).toMatchObject({ commitmentNumber: 1, commitment: title, activity: title });
    // Before the second deadline, the same activity is only in progress.
    expect((await all(new Date('2026-04-15T09:00:00Z')))[1].status).toBe('in_progress');
  });

  it('planVersion changes with what the files show, and counts the commitments', async () => {
    const before = await openData.planVersion(planId);
    expect(before.rows).toBe(1);
    expect(before.updatedAt).toBeInstanceOf(Date);
    expect(await openData.planVersion(planId)).toEqual(before);
    await db.query(`UPDATE rm_activities SET progress = 60 WHERE id = $1`, [act.late]);
    expect((await openData.planVersion(planId)).version).not.toBe(before.version);
    expect(await openData.planVersion(randomUUID())).toMatchObject({ rows: 0, updatedAt: null });
  });

  it('store replaces the file under its key; slice reads a part of this version only', async () => {
    const at = new Date('2026-06-15T09:00:00Z');
    const file = { contentType: 'text/csv', fileName: 'plan.csv', updatedAt: at };
    await openData.store('plan.csv', { ...file, version: 'v1' }, Buffer.from('abcdef'));
    expect(await openData.head('plan.csv')).toMatchObject({ version: 'v1', size: 6, contentType: 'text/csv' });
    expect(await openData.slice('plan.csv', 'v1', 2, 3)).toEqual({ data: Buffer.from('cde'), size: 6 });
    await openData.store('plan.csv', { ...file, version: 'v2' }, Buffer.from('xyz'));
    expect(await openData.head('plan.csv')).toMatchObject({ version: 'v2', size: 3 });
    expect(await openData.slice('plan.csv', 'v1', 0, 3)).toBeNull();
    expect(await openData.head('missing.csv')).toBeNull();
  });
});
