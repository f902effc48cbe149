import { randomUUID } from 'node:crypto';
import { Actor } from '@ogp/auth';
import { DomainError } from '@ogp/contracts';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { CoCreationFixture } from '../testing/co-creation.fixture';
import { WorkshopsRepository } from './workshops.repository';
import { WorkshopsService } from './workshops.service';

const coordinator: Actor = { id: randomUUID(), roles: ['coordinator'], scopes: { institutions: [], programmes: [] } };

describe('WorkshopsRepository and the idempotent workshop creation (real Postgres)', () => {
  const iso = new TestIsolation();
  let fixture: CoCreationFixture;
  let db: DataSource;
  let workshops: WorkshopsRepository;
  let cycleId: string;
  let themeId: string;
  let number = 0;

  async function workshop(capacity: number): Promise<string> {
    const id = randomUUID();
    number += 1;
    await workshops.insert(db.manager, id, {
      cycleId,
      themeId,
      number,
      title: { ar: 'لقاء' },
      organiser: 'جمعية',
      institutions: [],
      startsAt: '2026-04-01T10:00:00Z',
      registrationOpensAt: '2026-02-01T00:00:00Z',
      registrationClosesAt: '2026-03-30T00:00:00Z',
      capacity,
    });
    return id;
  }
  const register = (workshopId: string, userId: string, code: string) =>
    db.transaction(async (m) => {
      if (!(await workshops.takeSeat(m, workshopId))) return false;
      await workshops.insertRegistration(m, { id: randomUUID(), workshopId, userId, code });
      return true;
    });

  beforeAll(async () => {
    fixture = await CoCreationFixture.start(iso.env('participation'));
    db = fixture.db;
    workshops = fixture.app.get(WorkshopsRepository);
    ({
      cycleId,
      themeIds: [themeId],
    } = await fixture.cycle('workshops', 1));
  });

  afterAll(async () => {
    await fixture?.close();
    await iso.cleanup();
  });

  it('takeSeat holds the capacity exactly, even at once', async () => {
    const id = await workshop(3);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => register(id, randomUUID(), `CODE${String(i).padStart(4, '0')}`)),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(3);
    expect((await workshops.find(id))?.confirmed).toBe(3);
  });

  it('cancelRegistration cancels only the person’s own confirmed registration with that code', async () => {
    const id = await workshop(5);
    const user = randomUUID();
    await register(id, user, 'ABCDEF1234');
    const cancel = (code: string, who: string) => db.transaction((m) => workshops.cancelRegistration(m, id, code, who));
    expect(await cancel('ABCDEF1234', randomUUID())).toBe(false);
    expect(await cancel('WRONG00000', user)).toBe(false);
    expect(await cancel('ABCDEF1234', user)).toBe(true);
    expect(await cancel('ABCDEF1234', user)).toBe(false);
    expect(await db.transaction((m) => workshops.confirmedCode(m, id, user))).toBeNull();
  });

  it('markPresent marks confirmed registrations by code and counts everyone present', async () => {
    const id = await workshop(5);
    await register(id, randomUUID(), 'PRESENT001');
    await register(id, randomUUID(), 'PRESENT002');
    const cancelled = randomUUID();
    await register(id, cancelled, 'CANCELLED1');
    await db.transaction((m) => workshops.cancelRegistration(m, id, 'CANCELLED1', cancelled));
    expect(await db.transaction((m) => workshops.markPresent(m, id, ['PRESENT001', 'CANCELLED1', 'NOSUCH0000']))).toBe(
      1,
    );
    expect(await db.transaction((m) => workshops.markPresent(m, id, ['PRESENT002']))).toBe(2);
    expect((await workshops.find(id))?.present).toBe(2);
  });

  it('setOutputs sets the links given and keeps the other; an unknown workshop is reported', async () => {
    const id = await workshop(5);
    expect(await workshops.setOutputs(id, 'https://example.ma/report.pdf', null)).toBe(true);
    expect(await workshops.setOutputs(id, null, 'https://example.ma/video')).toBe(true);
    expect(await workshops.find(id)).toMatchObject({
      report_url: 'https://example.ma/report.pdf',
      recording_url: 'https://example.ma/video',
    });
    expect(await workshops.setOutputs(randomUUID(), 'https://example.ma/x', null)).toBe(false);
  });

  it('a workshop created twice with the same idempotency key exists once, both answers the same', async () => {
    const service = fixture.app.get(WorkshopsService);
    const dto = {
      cycleId,
      themeId,
      number: 99,
      title: { ar: 'لقاء تشاوري' },
      organiser: 'جمعية',
      institutions: ['وزارة'],
      startsAt: '2026-04-01T10:00:00Z',
      registrationOpensAt: '2026-02-01T00:00:00Z',
      registrationClosesAt: '2026-03-30T00:00:00Z',
      capacity: 40,
    };
    const first = await service.create(coordinator, dto, 'create-workshop-99');
    const again = await service.create(coordinator, dto, 'create-workshop-99');
    expect(again).toEqual(first);
    const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM workshops WHERE number = 99`);
    expect(n).toBe(1);
    const [{ events }] = await db.query<{ events: number }[]>(
      `SELECT count(*)::int AS events FROM outbox WHERE type = 'participation.workshop.created' AND envelope->'data'->>'workshopId' = $1`,
      [first.id],
    );
    expect(events).toBe(1);
    // Another key is another command: the number is taken.
    await expect(service.create(coordinator, dto, 'another-key')).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(service.create(coordinator, dto)).rejects.toBeInstanceOf(DomainError);
  });
});
