import { CommitmentsRpc, DomainError, ErrorCode } from '@ogp/contracts';
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
});
