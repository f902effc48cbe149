import { randomUUID } from 'node:crypto';
import { CommitmentsRpc, DomainError, ErrorCode } from '@ogp/contracts';
import { DataSource } from 'typeorm';
import { CommitmentsTestApp, coordinator } from '../../test/commitments-test-app';
import { CommitmentViewsRepository } from './commitment-views.repository';

describe('CommitmentViewsRepository (real Postgres)', () => {
  const t = new CommitmentsTestApp();
  let repository: CommitmentViewsRepository;
  let planId: string;
  let institutionA: string;
  let programmeId: string;
  const ids: Record<string, string> = {};
  const now = () => t.clock.now().toISOString();
  const page = async (filter: Parameters<CommitmentViewsRepository['page']>[0]) =>
    (await repository.page({ planId, ...filter }, now(), 50, 0)).rows.map((r) => r.id).sort();

  beforeAll(async () => {
    await t.start();
    repository = t.app.get(CommitmentViewsRepository);
    programmeId = await t.programme();
    institutionA = await t.institution();
    const institutionB = await t.institution();
    const plan = await t.plan(programmeId);
    planId = plan.planId;
    const at = { ...plan, leadInstitutionId: institutionA };
    // Overdue (an activity ended before today, 2019-06-01) and late (never reported).
    ids.overdue = (await t.commitment(at, ['2019-01-01', '2019-12-31'], 'متأخر')).id;
    // Reported on: neither late nor overdue.
    const onTrack = await t.commitment(at, ['2019-12-31'], 'منتظم');
    ids.onTrack = onTrack.id;
    await t.rpc.request(
      CommitmentsRpc.reportProgress,
      { commitmentId: onTrack.id, activityId: onTrack.activities[0].id, progress: 10, reportedOn: '2019-05-30' },
      { actor: coordinator },
    );
    // Late only, led by B.
    ids.lateB = (await t.commitment({ ...plan, leadInstitutionId: institutionB }, ['2019-12-31'], 'آخر')).id;
  });

  afterAll(() => t.stop());

  it('computes late and overdue in the programme’s today', async () => {
    const { rows, total } = await repository.page({ planId }, now(), 50, 0);
    expect(total).toBe(3);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.overdue)).toMatchObject({ late: true, overdue_activities: 1, today: '2019-06-01' });
    expect(byId.get(ids.onTrack)).toMatchObject({ late: false, overdue_activities: 0 });
    expect(byId.get(ids.lateB)).toMatchObject({ late: true, overdue_activities: 0 });
  });

  it('filters by schedule status', async () => {
    expect(await page({ status: 'late' })).toEqual([ids.overdue, ids.lateB].sort());
    expect(await page({ status: 'overdue' })).toEqual([ids.overdue]);
    expect(await page({ status: 'on_track' })).toEqual([ids.onTrack]);
    expect(await page({ status: 'active' })).toHaveLength(3);
  });

  it('filters by lead institution and by text, with LIKE wildcards taken literally', async () => {
    expect(await page({ institutionId: institutionA })).toEqual([ids.overdue, ids.onTrack].sort());
    expect(await page({ q: 'منتظم' })).toEqual([ids.onTrack]);
    expect(await page({ q: '%' })).toEqual([]);
  });

  it('an institution’s filter also finds the commitments it supports without leading them', async () => {
    const other = await t.plan(programmeId);
    const lead = await t.institution();
    const at = { ...other, leadInstitutionId: lead, supportingInstitutionIds: [institutionA] };
    const supported = (await t.commitment(at, ['2019-12-31'], 'مدعوم')).id;
    const found = await repository.page({ planId: other.planId, institutionId: institutionA }, now(), 50, 0);
    expect(found.rows.map((r) => r.id)).toEqual([supported]);
    expect((await repository.page({ planId: other.planId, institutionId: lead }, now(), 50, 0)).total).toBe(1);
  });

  it('pages in number order and counts the whole filter', async () => {
    const { rows, total } = await repository.page({ planId }, now(), 1, 1);
    expect(total).toBe(3);
    expect(rows.map((r) => r.id)).toEqual([ids.onTrack]);
  });

  it('a filter naming a plan, area or institution that does not exist is a 404', async () => {
    await expect(repository.assertFilterTargetsExist({ planId })).resolves.toBeUndefined();
    const missing = repository.assertFilterTargetsExist({ institutionId: '00000000-0000-4000-8000-000000000000' });
    await expect(missing).rejects.toBeInstanceOf(DomainError);
    await expect(missing).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  describe('cards', () => {
    /** Counts the card statements the pool runs, still running them (a spy, nothing replaced). */
    function countCardStatements(): { count: () => number; restore: () => void } {
      const pool = (t.app.get(DataSource).driver as unknown as { master: { query: (...a: unknown[]) => unknown } })
        .master;
      const spy = jest.spyOn(pool, 'query');
      return {
        count: () =>
          spy.mock.calls.filter(([q]) => (q as { name?: string })?.name?.startsWith('commitment_cards_')).length,
        restore: () => spy.mockRestore(),
      };
    }

    it('cards asked for in the same turn are read by one statement, each request getting its own card', async () => {
      const statements = countCardStatements();
      try {
        const m = t.app.get(DataSource).manager;
        const asked = [ids.overdue, ids.onTrack, ids.overdue, randomUUID(), 'not-a-uuid', ids.lateB];
        const cards = await Promise.all(asked.map((id) => repository.card(m, id, now())));
        expect(cards.map((c) => c?.id)).toEqual([
          ids.overdue,
          ids.onTrack,
          ids.overdue,
          undefined,
          undefined,
          ids.lateB,
        ]);
        expect(cards[0]).toMatchObject({
          late: true,
          overdue_activities: 1,
          activities: [expect.anything(), expect.anything()],
        });
        expect(statements.count()).toBe(1);
      } finally {
        statements.restore();
      }
    });

    it('one statement reads at most 100 cards', async () => {
      const statements = countCardStatements();
      try {
        const m = t.app.get(DataSource).manager;
        const asked = [ids.onTrack, ...Array.from({ length: 100 }, () => randomUUID())];
        const cards = await Promise.all(asked.map((id) => repository.card(m, id, now())));
        expect(cards[0]?.id).toBe(ids.onTrack);
        expect(cards.slice(1).every((c) => c === undefined)).toBe(true);
        expect(statements.count()).toBe(2);
      } finally {
        statements.restore();
      }
    });

    it('a batch padded to its statement size answers each card once, and the single-card statement is planned once', async () => {
      const m = t.app.get(DataSource).manager;
      // Three ids: the statement for four, the first id repeated.
      const three = await Promise.all([ids.lateB, ids.onTrack, ids.overdue].map((id) => repository.card(m, id, now())));
      expect(three.map((c) => c?.id)).toEqual([ids.lateB, ids.onTrack, ids.overdue]);
      // Inside a transaction (one connection): after Postgres's five custom plans, the generic one is kept.
      const plans = await t.app.get(DataSource).transaction(async (tx) => {
        for (let i = 0; i < 8; i++) expect((await repository.card(tx, ids.lateB, now()))?.id).toBe(ids.lateB);
        return tx.query<{ generic_plans: string; custom_plans: string }[]>(
          `SELECT generic_plans::text, custom_plans::text FROM pg_prepared_statements WHERE name = 'commitment_cards_1'`,
        );
      });
      expect(plans).toHaveLength(1);
      expect(Number(plans[0].custom_plans)).toBeLessThanOrEqual(5);
      expect(Number(plans[0].generic_plans)).toBeGreaterThanOrEqual(3);
    });

    it('a read asked for after a write returned sees the write', async () => {
      const m = t.app.get(DataSource).manager;
      const before = await repository.card(m, ids.lateB, now());
      const activityId = before!.activities[0].id;
      const [, after] = await Promise.all([
        repository.card(m, ids.lateB, now()),
        t.rpc
          .request(
            CommitmentsRpc.reportProgress,
            { commitmentId: ids.lateB, activityId, progress: 40, reportedOn: '2019-05-31' },
            { actor: coordinator },
          )
          .then(() => repository.card(m, ids.lateB, now())),
      ]);
      expect(after!.activities[0].progress).toBe(40);
    });
  });
});
