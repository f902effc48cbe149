import { CommitmentsTestApp } from '../../test/commitments-test-app';
import { RollupRepository } from './rollup.repository';

describe('RollupRepository (real Postgres)', () => {
  const t = new CommitmentsTestApp();
  const repository = new RollupRepository();
  let plan: { planId: string; areaId: string };
  let commitmentId: string;

  const sums = async () => {
    const [row] = await t.manager.query<{ area: number; plan: number }[]>(
      `SELECT a.progress_sum::float8 AS area, p.progress_sum::float8 AS plan FROM areas a JOIN plans p ON p.id = a.plan_id WHERE a.id = $1`,
      [plan.areaId],
    );
    return row;
  };

  beforeAll(async () => {
    await t.start();
    plan = await t.plan(await t.programme());
    commitmentId = (
      await t.commitment({ ...plan, leadInstitutionId: await t.institution() }, ['2019-12-31', '2019-10-01'])
    ).id;
  });

  afterAll(() => t.stop());

  it('reads a commitment’s live activities in order and its indicators, as numbers', async () => {
    const input = await repository.inputOf(t.manager, commitmentId);
    expect(input.activities.map((a) => a.endDate)).toEqual(['2019-12-31', '2019-10-01']);
    expect(input.activities[0]).toMatchObject({ weight: null, progress: 0, status: 'not_started' });
    expect(input.indicators).toEqual([]);
  });

  it('moves the area and plan sums by a delta, both ways', async () => {
    const before = await sums();
    await repository.addToSums(t.manager, plan.areaId, plan.planId, 12.5);
    expect(await sums()).toEqual({ area: before.area + 12.5, plan: before.plan + 12.5 });
    await repository.addToSums(t.manager, plan.areaId, plan.planId, -12.5);
    expect(await sums()).toEqual(before);
  });

  it('applying a result clears staleness and bumps the version; marking stale keeps the figures', async () => {
    const read = async () =>
      (
        await t.manager.query<
          {
            progress: number;
            completion_level: string;
            progress_stale: boolean;
            stale_reason: string | null;
            version: number;
          }[]
        >(
          `SELECT progress::float8 AS progress, completion_level, progress_stale, stale_reason, version FROM commitments WHERE id = $1`,
          [commitmentId],
        )
      )[0];
    await repository.markStale(t.manager, commitmentId, 'no answer');
    expect(await read()).toMatchObject({ progress: 0, progress_stale: true, stale_reason: 'no answer' });
    const { version } = await read();
    await repository.apply(t.manager, commitmentId, { progress: 40, completionLevel: 'limited', explanation: null });
    expect(await read()).toEqual({
      progress: 40,
      completion_level: 'limited',
      progress_stale: false,
      stale_reason: null,
      version: version + 1,
    });
  });
});
