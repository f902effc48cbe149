import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { CoCreationFixture } from '../testing/co-creation.fixture';
import { CommitteeRepository } from './committee.repository';

describe('CommitteeRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let fixture: CoCreationFixture;
  let db: DataSource;
  let committee: CommitteeRepository;
  let cycleId: string;

  const candidacy = async (organisation: string) => {
    const id = randomUUID();
    await committee.insertCandidacy(db.manager, id, randomUUID(), { cycleId, organisation, statement: 'بيان الترشيح' });
    return id;
  };
  const seat = (sector: 'government' | 'civil_society', holder: string, termStart: string, termEnd: string) =>
    committee.insertSeat(db.manager, { id: randomUUID(), sector, holder, candidacyId: null, termStart, termEnd });

  beforeAll(async () => {
    fixture = await CoCreationFixture.start(iso.env('participation'));
    db = fixture.db;
    committee = fixture.app.get(CommitteeRepository);
    ({ cycleId } = await fixture.cycle('committee'));
  });

  afterAll(async () => {
    await fixture?.close();
    await iso.cleanup();
  });

  it('ranked: scored candidacies only, best first, as many as asked; score refuses another cycle’s candidacy', async () => {
    const a = await candidacy('جمعية أ');
    const b = await candidacy('جمعية ب');
    const c = await candidacy('جمعية ج');
    await candidacy('جمعية غير مقيمة');
    await db.transaction(async (m) => {
      expect(await committee.score(m, cycleId, a, 60)).toBe(true);
      expect(await committee.score(m, cycleId, b, 90)).toBe(true);
      expect(await committee.score(m, cycleId, c, 75)).toBe(true);
      expect(await committee.score(m, randomUUID(), a, 10)).toBe(false);
    });
    const ranked = await db.transaction((m) => committee.ranked(m, cycleId, 2));
    expect(ranked.map((r) => r.id)).toEqual([b, c]);
    expect((await committee.candidacies(cycleId)).map((r) => r.score)).toEqual([90, 75, 60, null]);
    await db.transaction((m) => committee.settleCandidacies(m, cycleId, [b]));
    expect((await committee.candidacies(cycleId)).map((r) => r.status)).toEqual([
      'selected',
      'not_selected',
      'not_selected',
      'not_selected',
    ]);
  });

  it('rotateOut ends the civil-society seats whose term is over by the new term, and no government seat', async () => {
    await seat('civil_society', 'منتهية', '2024-01-01', '2026-01-01');
    await seat('civil_society', 'جارية', '2025-01-01', '2027-01-01');
    await seat('government', 'حكومية منتهية', '2024-01-01', '2026-01-01');
    const ended = await db.transaction((m) => committee.rotateOut(m, '2026-02-01', 'term ended (rotation)'));
    expect(ended.map((s) => s.holder)).toEqual(['منتهية']);
    expect(await db.transaction((m) => committee.liveCivilSocietySeats(m, '2026-03-01'))).toBe(1);
    expect(await db.transaction((m) => committee.liveCivilSocietySeats(m, '2027-01-01'))).toBe(0);
  });

  it('endSeat ends an active seat once; liveSeats lists the seats held on a day by sector', async () => {
    const live = (await committee.liveSeats('2026-03-01')).map((s) => [s.sector, s.holder]);
    // The government seat whose term ended is not held any more, though nobody ended it.
    expect(live).toEqual([['civil_society', 'جارية']]);
    const [held] = await committee.liveSeats('2026-03-01');
    expect(await db.transaction((m) => committee.endSeat(m, held.id, 'استقالة'))).toEqual({
      sector: 'civil_society',
      holder: 'جارية',
    });
    expect(await db.transaction((m) => committee.endSeat(m, held.id, 'استقالة'))).toBeUndefined();
    expect(await committee.liveSeats('2026-03-01')).toEqual([]);
    // Earlier, only the seat nobody ended was held (the rotated and the resigned ones carry ended_at).
    expect((await committee.liveSeats('2025-06-01')).map((s) => s.holder)).toEqual(['حكومية منتهية']);
  });
});
