import { randomUUID } from 'node:crypto';
import { RoleName, UserDirectoryEntry } from '@ogp/contracts';
import { useNotificationsSchema } from '../../test/notifications-schema';
import { RecipientsRepository } from './recipients.repository';

describe('RecipientsRepository (real Postgres)', () => {
  const repo = new RecipientsRepository();
  const schema = useNotificationsSchema();
  const programme = randomUUID();
  const institution = randomUUID();

  const entry = (
    roles: RoleName[],
    scopes: Partial<UserDirectoryEntry['scopes']>,
    active = true,
  ): UserDirectoryEntry => {
    const userId = randomUUID();
    const scopeSet = { institutions: [], programmes: [], ...scopes };
    return {
      userId,
      email: `${userId}@example.org`,
      displayName: 'P',
      roles,
      scopes: scopeSet,
      language: 'fr',
      active,
    };
  };
  const people = {
    member: entry(['committee_member'], { programmes: [programme] }),
    otherMember: entry(['committee_member'], { programmes: [randomUUID()] }),
    manager: entry(['project_manager'], { institutions: [institution] }),
    otherManager: entry(['project_manager'], { institutions: [randomUUID()] }),
    coordinator: entry(['coordinator'], {}),
    admin: entry(['admin'], {}),
    gone: entry(['coordinator'], {}, false),
  };
  const ids = (rows: { userId: string }[]) => rows.map((r) => r.userId).sort();

  beforeAll(async () => {
    for (const p of Object.values(people)) await repo.upsert(schema.db.manager, p);
  });

  it('an alert audience: the programme committee, the institution managers, the coordinators; active people only', async () => {
    const all = await repo.audience(
      schema.db.manager,
      ['committee', 'project_managers', 'coordinators'],
      programme,
      institution,
    );
    expect(ids(all)).toEqual(ids([people.member, people.manager, people.coordinator]));
    expect(ids(await repo.audience(schema.db.manager, ['committee'], programme, null))).toEqual([people.member.userId]);
    expect(await repo.audience(schema.db.manager, ['project_managers'], programme, null)).toEqual([]);
  });

  it('people with any of the roles, and by id, active only', async () => {
    expect(ids(await repo.withRoles(schema.db.manager, ['coordinator', 'admin']))).toEqual(
      ids([people.coordinator, people.admin]),
    );
    expect(ids(await repo.byIds(schema.db.manager, [people.gone.userId, people.admin.userId]))).toEqual([
      people.admin.userId,
    ]);
  });

  it('an update replaces the copy (a deactivated person is no longer reached)', async () => {
    await repo.upsert(schema.db.manager, { ...people.admin, active: false, language: 'en' });
    expect(await repo.byIds(schema.db.manager, [people.admin.userId])).toEqual([]);
    await repo.upsert(schema.db.manager, { ...people.admin, language: 'en' });
    expect(await repo.byIds(schema.db.manager, [people.admin.userId])).toEqual([
      { userId: people.admin.userId, language: 'en', email: people.admin.email },
    ]);
  });
});
