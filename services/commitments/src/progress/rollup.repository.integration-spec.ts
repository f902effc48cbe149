import { CommitmentsTestApp } from '../../test/commitments-test-app';
import { CommitmentsEvents } from '@ogp/contracts';
import { JournalRows } from '../history/change-history.repository';
import { CommitmentJournal } from '../history/commitment-journal';
import { AppliedProgress, RollupRepository } from './rollup.repository';

describe('RollupRepository (real Postgres)', () => {
  const t = new CommitmentsTestApp();
  let repository: RollupRepository;
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
    repository = t.app.get(RollupRepository);
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

  /** Applies figures with a roll-up delta and no journal rows, in a transaction of its own. */
  const apply = (result: AppliedProgress, delta: number) =>
    t.manager.transaction((m) =>
      repository.apply(m, commitmentId, result, { areaId: plan.areaId, planId: plan.planId, delta }, noJournal()),
    );
  const noJournal = (): JournalRows => ({
    entityType: 'commitment',
    entityId: commitmentId,
    actorId: null,
    entries: [],
    events: [],
  });

  it('moves the area and plan sums by a delta, both ways', async () => {
    const before = await sums();
    await apply({ progress: 0, completionLevel: 'not_started', explanation: null }, 12.5);
    expect(await sums()).toEqual({ area: before.area + 12.5, plan: before.plan + 12.5 });
    await apply({ progress: 0, completionLevel: 'not_started', explanation: null }, -12.5);
    expect(await sums()).toEqual(before);
  });

  it('writes the change’s history entries and events in the same statement, in order', async () => {
    const count = async () =>
      (
        await t.manager.query<{ history: number; events: number }[]>(
          `SELECT (SELECT count(*)::int FROM change_history WHERE entity_id = $1) AS history,
                  (SELECT count(*)::int FROM outbox WHERE envelope->'aggregate'->>'id' = $1::text) AS events`,
          [commitmentId],
        )
      )[0];
    const before = await count();
    await t.manager.transaction(async (m) => {
      const journal = t.app
        .get(CommitmentJournal)
        .rows(m, commitmentId, null)
        .add({ action: 'first', before: null, after: { n: 1 } })
        .add(
          { action: 'second', before: { n: 1 }, after: { n: 2 } },
          { contract: CommitmentsEvents.progressChanged, data: {} as never },
        );
      await repository.apply(
        m,
        commitmentId,
        { progress: 0, completionLevel: 'not_started', explanation: null },
        { areaId: plan.areaId, planId: plan.planId, delta: 0 },
        journal,
      );
    });
    expect(await count()).toEqual({ history: before.history + 2, events: before.events + 1 });
    const last = await t.manager.query<{ action: string; after: unknown }[]>(
      `SELECT action, after FROM change_history WHERE entity_id = $1 ORDER BY id DESC LIMIT 2`,
      [commitmentId],
    );
    expect(last).toEqual([
      { action: 'second', after: { n: 2 } },
      { action: 'first', after: { n: 1 } },
    ]);
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
    await apply({ progress: 40, completionLevel: 'limited', explanation: null }, 0);
    expect(await read()).toEqual({
      progress: 40,
      completion_level: 'limited',
      progress_stale: false,
      stale_reason: null,
      version: version + 1,
    });
  });
});
