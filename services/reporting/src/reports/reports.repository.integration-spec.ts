import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { ReportsRepository } from './reports.repository';
import { reportingDatabase } from '../testing/reporting-database.testing';

describe('ReportsRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let db: DataSource;
  let reports: ReportsRepository;

  const row = async (id: string) =>
    (
      await db.query<{ status: string; error: string | null; progress: number; requeues: number; leased: boolean }[]>(
        `SELECT status, error, progress, requeues, running_until > now() AS leased FROM reports WHERE id = $1`,
        [id],
      )
    )[0];

  const newReport = async (): Promise<string> => {
    const id = randomUUID();
    await db.transaction((m) =>
      reports.insert(m, {
        id,
        kind: 'activities',
        format: 'json',
        params: { language: 'ar' },
        contentType: 'application/json',
        fileName: 'activities.json',
        createdBy: randomUUID(),
      }),
    );
    return id;
  };

  beforeAll(async () => {
    db = await reportingDatabase(iso);
    reports = new ReportsRepository(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await iso.cleanup();
  });

  it('claim takes a queued report with a lease; a finished one is not claimed', async () => {
    const id = await newReport();
    const claimed = await reports.claim(id, 60);
    expect(claimed).toMatchObject({ id, status: 'running', progress: 0, error: null });
    expect(await row(id)).toMatchObject({ status: 'running', leased: true });
    await db.transaction((m) => reports.finish(m, id, { status: 'done', error: null, size: 10 }));
    expect(await reports.claim(id, 60)).toBeUndefined();
    expect(await reports.claim(randomUUID(), 60)).toBeUndefined();
  });

  it('finish ends a report once: done sets the progress to 100, a second end changes nothing', async () => {
    const id = await newReport();
    await reports.claim(id, 60);
    await reports.setProgress(id, 40);
    const ended = await db.transaction((m) => reports.finish(m, id, { status: 'done', error: null, size: 5 }));
    expect(ended).toMatchObject({ kind: 'activities', format: 'json' });
    expect(await row(id)).toMatchObject({ status: 'done', progress: 100, error: null, leased: null });
    const again = await db.transaction((m) => reports.finish(m, id, { status: 'failed', error: 'late', size: null }));
    expect(again).toBeUndefined();
    expect(await row(id)).toMatchObject({ status: 'done', error: null });

    const failed = await newReport();
    await db.transaction((m) => reports.finish(m, failed, { status: 'failed', error: 'boom', size: null }));
    expect(await row(failed)).toMatchObject({ status: 'failed', error: 'boom', progress: 0 });
  });

  it('backToQueue puts a running report back (with the error); not one that ended', async () => {
    const id = await newReport();
    await reports.claim(id, 60);
    await reports.backToQueue(id, 'attempt 1 failed');
    expect(await row(id)).toMatchObject({ status: 'queued', error: 'attempt 1 failed', leased: null });
    await db.transaction((m) => reports.finish(m, id, { status: 'done', error: null, size: 1 }));
    await reports.backToQueue(id, 'too late');
    expect(await row(id)).toMatchObject({ status: 'done' });
  });

  it('unfinished and requeue: queued or lease lost, past the grace; requeue counts once per reading', async () => {
    const queued = await newReport();
    const leased = await newReport();
    const lost = await newReport();
    const done = await newReport();
    await reports.claim(leased, 600);
    await reports.claim(lost, 600);
    await db.query(`UPDATE reports SET running_until = now() - interval '1 second' WHERE id = $1`, [lost]);
    await db.transaction((m) => reports.finish(m, done, { status: 'done', error: null, size: 1 }));
    await db.query(`UPDATE reports SET created_at = now() - interval '1 hour' WHERE id = ANY($1::uuid[])`, [
      [queued, leased, lost, done],
    ]);
    const found = (await reports.unfinished(60, 100)).filter((r) => [queued, leased, lost, done].includes(r.id));
    expect(found.map((r) => r.id).sort()).toEqual([queued, lost].sort());
    expect((await reports.unfinished(7200, 100)).map((r) => r.id)).not.toContain(queued);

    const lostRow = found.find((r) => r.id === lost)!;
    expect(await reports.requeue(lostRow)).toBe(true);
    expect(await row(lost)).toMatchObject({ status: 'queued', requeues: 1, progress: 0 });
    // The same reading again (another reconciler got there first): nothing.
    expect(await reports.requeue(lostRow)).toBe(false);
    expect(await row(lost)).toMatchObject({ requeues: 1 });
    // A report with a live lease is not requeued.
    expect(await reports.requeue({ id: leased, status: 'running', requeues: 0 })).toBe(false);
  });
});
