import { randomUUID } from 'node:crypto';
import { useNotificationsSchema } from '../../test/notifications-schema';
import { PreferencesRepository } from './preferences.repository';

describe('PreferencesRepository (real Postgres)', () => {
  const schema = useNotificationsSchema();
  const repo = (): PreferencesRepository => new PreferencesRepository(schema.db);

  it("a person's chosen modes, a choice made again replacing the first; another person's are apart", async () => {
    const [me, other] = [randomUUID(), randomUUID()];
    await repo().put(me, 'reporting.alert.overdue', 'digest');
    await repo().put(me, 'reporting.alert.overdue', 'off');
    await repo().put(me, 'participation.comment.answered', 'immediate');
    await repo().put(other, 'reporting.alert.overdue', 'immediate');
    expect(await repo().chosen(me)).toEqual(
      new Map([
        ['reporting.alert.overdue', 'off'],
        ['participation.comment.answered', 'immediate'],
      ]),
    );
    expect(await repo().modeChosen(schema.db.manager, other, 'reporting.alert.overdue')).toBe('immediate');
    expect(await repo().modeChosen(schema.db.manager, other, 'participation.comment.answered')).toBeNull();
  });
});
