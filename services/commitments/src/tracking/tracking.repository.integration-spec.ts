import { CommitmentsTestApp } from '../../test/commitments-test-app';
import { TrackingRepository } from './tracking.repository';

describe('TrackingRepository (real Postgres)', () => {
  const t = new CommitmentsTestApp();
  const repository = new TrackingRepository();
  let programmeX: string;
  let institutionA: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await t.start();
    programmeX = await t.programme();
    const programmeY = await t.programme();
    institutionA = await t.institution();
    const institutionB = await t.institution();
    const inX = await t.plan(programmeX);
    const inY = await t.plan(programmeY);
    ids.ax = (await t.commitment({ ...inX, leadInstitutionId: institutionA })).id;
    ids.bx = (await t.commitment({ ...inX, leadInstitutionId: institutionB })).id;
    ids.ay = (await t.commitment({ ...inY, leadInstitutionId: institutionA })).id;
  });

  afterAll(() => t.stop());

  it('a programme governs its plans’ commitments; an institution those it leads; a commitment itself', async () => {
    const governed = async (target: 'programme' | 'institution' | 'commitment', id: string) =>
      (await repository.governedCommitments(t.manager, target, id)).sort();
    expect(await governed('programme', programmeX)).toEqual([ids.ax, ids.bx].sort());
    expect(await governed('institution', institutionA)).toEqual([ids.ax, ids.ay].sort());
    expect(await governed('commitment', ids.bx)).toEqual([ids.bx]);
  });

  it('reads and sets the choice at each level; an unknown target reads as undefined', async () => {
    for (const [target, id] of [
      ['programme', programmeX],
      ['institution', institutionA],
      ['commitment', ids.ax],
    ] as const) {
      await t.manager.transaction(async (m) => {
        expect(await repository.lockChoice(m, target, id)).toEqual({ tracking_strategy: null });
        await repository.setChoice(m, target, id, 'equal_milestones');
        expect(await repository.lockChoice(m, target, id)).toEqual({ tracking_strategy: 'equal_milestones' });
      });
    }
    expect(await repository.lockChoice(t.manager, 'programme', '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
