import { randomUUID } from 'node:crypto';
import { CommitmentsTestApp } from '../../test/commitments-test-app';
import { BlockersRepository } from './blockers.repository';

describe('BlockersRepository (real Postgres)', () => {
  const t = new CommitmentsTestApp();
  const repository = new BlockersRepository();
  const ids: Record<string, string> = {};
  let institutionA: string;
  let programmeY: string;

  beforeAll(async () => {
    await t.start();
    const programmeX = await t.programme();
    programmeY = await t.programme();
    institutionA = await t.institution();
    const institutionB = await t.institution();
    const inX = await t.plan(programmeX);
    const inY = await t.plan(programmeY);
    const cAX = (await t.commitment({ ...inX, leadInstitutionId: institutionA })).id;
    const cBY = (await t.commitment({ ...inY, leadInstitutionId: institutionB })).id;
    const raise = async (name: string, commitmentId: string) => {
      ids[name] = randomUUID();
      await repository.insert(t.manager, {
        id: ids[name],
        commitmentId,
        title: name,
        description: 'd',
        raisedBy: randomUUID(),
      });
    };
    await raise('ax', cAX);
    await raise('by', cBY);
    await raise('byClosed', cBY);
    await repository.close(t.manager, ids.byClosed);
    ids.cBY = cBY;
  });

  afterAll(() => t.stop());

  const visible = async (filter: Parameters<BlockersRepository['page']>[1]) =>
    (await repository.page(t.manager, filter, 50, 0)).rows.map((r) => r.title).sort();
  const none = { all: false, institutions: null, programmes: null };

  it('the coordination team sees all; nobody else sees anything without a scope', async () => {
    expect(await visible({ visibility: { ...none, all: true } })).toEqual(['ax', 'by', 'byClosed']);
    expect(await visible({ visibility: none })).toEqual([]);
  });

  it('by institution, by programme, or either when an actor holds both roles', async () => {
    expect(await visible({ visibility: { ...none, institutions: [institutionA] } })).toEqual(['ax']);
    expect(await visible({ visibility: { ...none, programmes: [programmeY] } })).toEqual(['by', 'byClosed']);
    expect(await visible({ visibility: { ...none, institutions: [institutionA], programmes: [programmeY] } })).toEqual([
      'ax',
      'by',
      'byClosed',
    ]);
  });

  it('filters by status and commitment, and counts the whole filter', async () => {
    const all = { ...none, all: true };
    expect(await visible({ visibility: all, status: 'closed' })).toEqual(['byClosed']);
    expect(await visible({ visibility: all, commitmentId: ids.cBY, status: 'open' })).toEqual(['by']);
    const { rows, total } = await repository.page(t.manager, { visibility: all }, 1, 0);
    expect(rows).toHaveLength(1);
    expect(total).toBe(3);
  });

  it('answering records the answer, its author and time', async () => {
    const by = randomUUID();
    await repository.answer(t.manager, ids.by, 'we will help', by);
    expect(await repository.get(t.manager, ids.by)).toMatchObject({
      status: 'answered',
      answer: 'we will help',
      answered_by: by,
      answered_at: expect.any(Date),
    });
  });
});
