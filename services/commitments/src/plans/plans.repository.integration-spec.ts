import { CommitmentsRpc } from '@ogp/contracts';
import { CommitmentsTestApp, coordinator } from '../../test/commitments-test-app';
import { PlansRepository } from './plans.repository';

describe('PlansRepository: the dashboard counts (real Postgres)', () => {
  const t = new CommitmentsTestApp();
  let repository: PlansRepository;
  let plan: { planId: string; areaId: string };
  const ids: Record<string, string> = {};
  const now = () => t.clock.now().toISOString();

  beforeAll(async () => {
    await t.start();
    repository = t.app.get(PlansRepository);
    plan = await t.plan(await t.programme());
    const at = { ...plan, leadInstitutionId: await t.institution() };
    // Two overdue activities (ended before today, 2019-06-01), never reported: late, with overdue.
    ids.overdue = (await t.commitment(at, ['2019-01-01', '2019-02-01', '2019-12-31'])).id;
    // Reported, one activity completed: on time.
    const onTime = await t.commitment(at, ['2019-03-01', '2019-12-31']);
    ids.onTime = onTime.id;
    await t.rpc.request(
      CommitmentsRpc.reportProgress,
      { commitmentId: onTime.id, activityId: onTime.activities[0].id, done: true, reportedOn: '2019-05-30' },
      { actor: coordinator },
    );
    // Never reported, nothing overdue: late only.
    ids.late = (await t.commitment(at, ['2019-12-31'])).id;
  });

  afterAll(() => t.stop());

  it('counts activities, completed and overdue (a completed activity is never overdue)', async () => {
    const counts = await repository.activityCounts(t.manager, plan.planId, now());
    expect(counts).toMatchObject({ total: 6, completed: 1, overdue: 2, commitments_with_overdue: 1 });
    expect(counts.overdue_ids).toEqual([ids.overdue]);
  });

  it('counts late commitments, and on time those neither late nor with an overdue activity', async () => {
    expect(await repository.commitmentCounts(t.manager, plan.planId, now(), [ids.overdue])).toEqual({
      total: 3,
      late: 2,
      on_time: 1,
    });
  });

  it('counts commitments by level and by lead institution', async () => {
    const levels = await repository.levelCounts(t.manager, plan.planId);
    expect(levels.reduce((n, l) => n + l.n, 0)).toBe(3);
    const [institution] = await repository.byInstitution(t.manager, plan.planId);
    expect(institution.commitments).toBe(3);
  });

  it('reads a plan’s sums and its areas with their commitment counts', async () => {
    const row = await repository.plan(t.manager, plan.planId);
    expect(row).toMatchObject({ id: plan.planId, ws: 3, start_date: '2018-09-01' });
    expect(row?.areas).toEqual([expect.objectContaining({ id: plan.areaId, commitments: 3, ws: 3 })]);
  });
});
