import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { CoCreationFixture, FIXTURE_NOW as T0 } from '../testing/co-creation.fixture';
import { ConsultationRepository } from './consultation.repository';

describe('ConsultationRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let fixture: CoCreationFixture;
  let db: DataSource;
  let consultation: ConsultationRepository;
  let cycleId: string;
  const institutionId = randomUUID();
  const draft = (number: number, institution: string | null) =>
    consultation.insertDraft(db.manager, randomUUID(), {
      cycleId,
      number,
      title: { ar: `التزام ${number}` },
      institution: 'وزارة',
      ...(institution ? { institutionId: institution } : {}),
    });

  beforeAll(async () => {
    fixture = await CoCreationFixture.start(iso.env('participation'));
    db = fixture.db;
    consultation = fixture.app.get(ConsultationRepository);
    ({ cycleId } = await fixture.cycle('consultation'));
  });

  afterAll(async () => {
    await fixture?.close();
    await iso.cleanup();
  });

  it('drafts in number order with their comment counts; a comment locked carries its draft’s institution', async () => {
    await draft(2, null);
    await draft(1, institutionId);
    const [first, second] = await consultation.draftsOfCycle(cycleId);
    expect([first.number, second.number]).toEqual([1, 2]);
    const comment = (draftId: string, at: string) =>
      db.transaction((m) =>
        consultation.insertComment(m, { id: randomUUID(), draftId, authorId: randomUUID(), body: 'تعليق', at }),
      );
    const one = await comment(first.id, '2026-03-02T00:00:00Z');
    await comment(first.id, '2026-03-01T00:00:00Z');
    expect((await consultation.draftsOfCycle(cycleId)).map((d) => d.comments)).toEqual([2, 0]);
    expect(await consultation.countComments(first.id)).toBe(2);
    expect((await consultation.comments(first.id, 10, 0)).map((c) => c.created_at.toISOString())).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
    ]);
    const locked = await db.transaction((m) => consultation.lockComment(m, one.id));
    expect(locked).toMatchObject({ id: one.id, answer: null, institution_id: institutionId });
    expect(await db.transaction((m) => consultation.draftInCycle(m, first.id, cycleId))).toBe(true);
    expect(await db.transaction((m) => consultation.draftInCycle(m, first.id, randomUUID()))).toBe(false);
  });

  it('answer replaces the answer and says who and when', async () => {
    const [d] = await consultation.draftsOfCycle(cycleId);
    const [c] = await consultation.comments(d.id, 1, 0);
    const by = randomUUID();
    const answered = await db.transaction((m) =>
      consultation.answer(m, c.id, { text: 'جواب', by, at: T0.toISOString() }),
    );
    expect(answered).toMatchObject({ id: c.id, answer: 'جواب', answered_by: by, answered_at: T0 });
  });
});
