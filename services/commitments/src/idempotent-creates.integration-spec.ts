import { CommitmentsRpc, ErrorCode } from '@ogp/contracts';
import { CommitmentsTestApp, coordinator } from '../test/commitments-test-app';

/** Design rule 2: a retry of a create with the same key answers the first result and creates nothing. */
describe('commitments: creates carry an idempotency key (real Postgres and NATS)', () => {
  const t = new CommitmentsTestApp();
  let where: { planId: string; areaId: string; leadInstitutionId: string };

  beforeAll(async () => {
    await t.start();
    where = { ...(await t.plan(await t.programme())), leadInstitutionId: await t.institution() };
  });

  afterAll(() => t.stop());

  const count = async (table: string, column: string, id: string) =>
    (await t.manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id]))[0].n;

  it('a commitment created twice with one key is created once', async () => {
    const card = {
      ...where,
      number: 99,
      title: { ar: 'مرة واحدة' },
      startDate: '2018-09-01',
      endDate: '2020-08-31',
      ogpValues: ['access_to_information'],
    } as never;
    const create = () =>
      t.rpc.request(CommitmentsRpc.createCommitment, card, { actor: coordinator, idempotencyKey: 'create-99' });
    const first = await create();
    const second = await create();
    expect(second.id).toBe(first.id);
    expect(await count('commitments', 'plan_id', where.planId)).toBe(1);
    // Without the key, the same number is refused as a duplicate: the retry was answered, not re-run.
    await expect(t.rpc.request(CommitmentsRpc.createCommitment, card, { actor: coordinator })).rejects.toMatchObject({
      code: ErrorCode.ALREADY_EXISTS,
    });
  });

  it('a blocker raised twice with one key is raised once; another key raises another', async () => {
    const commitment = await t.commitment(where);
    const raise = (key: string) =>
      t.rpc.request(
        CommitmentsRpc.raiseBlocker,
        { commitmentId: commitment.id, title: 'Budget', description: 'The budget line is not open yet.' },
        { actor: coordinator, idempotencyKey: key },
      );
    const first = await raise('blocker-1');
    expect(await raise('blocker-1')).toEqual(first);
    expect(await count('blockers', 'commitment_id', commitment.id)).toBe(1);
    expect((await raise('blocker-2')).id).not.toBe(first.id);
    expect(await count('blockers', 'commitment_id', commitment.id)).toBe(2);
  });

  it('an activity added twice with one key is added once', async () => {
    const commitment = await t.commitment(where, ['2019-12-31']);
    const add = () =>
      t.rpc.request(
        CommitmentsRpc.addActivity,
        { commitmentId: commitment.id, title: { ar: 'نشاط جديد' }, startDate: '2019-01-01', endDate: '2019-12-31' },
        { actor: coordinator, idempotencyKey: 'activity-1' },
      );
    await add();
    const again = await add();
    expect(again.activities).toHaveLength(2);
    expect(await count('activities', 'commitment_id', commitment.id)).toBe(2);
  });
});
