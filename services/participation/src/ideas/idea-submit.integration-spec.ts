import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Actor } from '@ogp/auth';
import { DomainError, ParticipationEvents } from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CoCreationFixture, FIXTURE_NOW as T0 } from '../testing/co-creation.fixture';
import { IdeasRepository, NewIdea } from './ideas.repository';
import { IdeasService } from './ideas.service';

const citizen = (): Actor => ({ id: randomUUID(), roles: ['citizen'], scopes: { institutions: [], programmes: [] } });

// Ideas are submitted in one statement, several at once when they arrive together (checks, the authors' locks and
// counts, the ideas, their steps and their events): the refusals and the hourly limit hold for each idea.
describe('idea submission in few round trips (real Postgres)', () => {
  const iso = new TestIsolation();
  let app: INestApplication;
  let pg: Client;
  let ideas: IdeasService;
  const s = `"${iso.schema('participation')}"`;
  let cycleId: string;
  let closedCycleId: string;
  let themeId: string;
  const count = async (table: string) =>
    (await pg.query(`SELECT count(*)::int AS n FROM ${s}.${table}`)).rows[0].n as number;
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: DomainError) => e.code,
    );

  beforeAll(async () => {
    const fixture = await CoCreationFixture.start(iso.env('participation', { IDEA_RATE_LIMIT_PER_HOUR: '3' }));
    app = fixture.app;
    ideas = app.get(IdeasService);
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    ({ cycleId, themeId } = await fixture.cycleOpenForIdeas('open'));
    ({ cycleId: closedCycleId } = await fixture.cycle('closed'));
  });

  afterAll(async () => {
    await app?.close();
    await pg?.end();
    await iso.cleanup();
  });

  it('an unknown cycle, a cycle without an ideas phase and a theme of another cycle are refused, nothing written', async () => {
    const body = { title: 'نشر البيانات المفتوحة', body: 'اقتراح بنشر ميزانيات الجماعات بصيغة مفتوحة.' };
    expect(await code(ideas.submit(citizen(), { cycleId: randomUUID(), themeId, ...body }))).toBe('NOT_FOUND');
    expect(await code(ideas.submit(citizen(), { cycleId: closedCycleId, themeId, ...body }))).toBe('WINDOW_CLOSED');
    expect(await code(ideas.submit(citizen(), { cycleId, themeId: randomUUID(), ...body }))).toBe('NOT_FOUND');
    expect(await count('ideas')).toBe(0);
    expect(await count('outbox')).toBe(0);
  });

  it('ten submissions at once by one author under a limit of three: three accepted, each with its step and its two events in order', async () => {
    const author = citizen();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        code(
          ideas.submit(author, { cycleId, themeId, title: `فكرة رقم ${i}`, body: 'اقتراح بنشر المعطيات العمومية.' }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(7);
    const stored = (await pg.query(`SELECT id FROM ${s}.ideas WHERE author_id = $1`, [author.id])).rows.map(
      (r) => r.id,
    );
    expect(stored).toHaveLength(3);
    const events = (
      await pg.query(`SELECT type, envelope FROM ${s}.outbox WHERE envelope->'data'->>'authorId' = $1 ORDER BY seq`, [
        author.id,
      ])
    ).rows;
    expect(events).toHaveLength(6);
    for (const id of stored) {
      const own = events.filter((e) => e.envelope.data.ideaId === id).map((e) => e.type);
      expect(own).toEqual(['participation.idea.submitted', 'participation.idea.fate-changed']);
    }
    expect(
      (
        await pg.query(
          `SELECT count(*)::int AS n FROM ${s}.idea_steps WHERE idea_id = ANY($1::uuid[]) AND status = 'received'`,
          [stored],
        )
      ).rows[0].n,
    ).toBe(3);
  });

  it('one statement holding several submissions answers each on its own, in order, and writes only the accepted with their events', async () => {
    const repo = app.get(IdeasRepository);
    const outbox = app.get(OutboxWriter);
    const prolific = citizen();
    // The limit is 3: two ideas of this author are already stored, so one more passes and the next is refused.
    for (const title of ['أولى', 'ثانية']) await ideas.submit(prolific, { cycleId, themeId, title, body: 'نص' });
    const idea = (over: Partial<NewIdea>): NewIdea => ({
      id: randomUUID(),
      cycleId,
      themeId,
      channel: 'portal',
      workshopId: null,
      title: 'فكرة في دفعة',
      body: 'نص',
      institution: null,
      authorId: citizen().id,
      anonymous: false,
      searchText: 'فكره في دفعه نص',
      createdAt: T0.toISOString(),
      ...over,
    });
    const batch = [
      idea({}),
      idea({ cycleId: closedCycleId }),
      idea({ authorId: prolific.id }),
      idea({ themeId: randomUUID() }),
      idea({ authorId: prolific.id }),
      idea({ cycleId: randomUUID() }),
    ];
    const submissions = batch.map((one) => ({
      idea: one,
      events: [
        outbox.row(ParticipationEvents.ideaSubmitted, {
          aggregate: { type: 'idea', id: one.id },
          data: {
            ideaId: one.id,
            cycleId: one.cycleId,
            themeId: one.themeId,
            channel: 'portal',
            authorId: one.authorId,
            workshopId: null,
          },
          actorId: one.authorId,
        }),
      ],
    }));
    const results = await repo.submit(app.get(DataSource).manager, submissions, 3);
    expect(results.map((r) => r.stored?.idea.id ?? null)).toEqual([batch[0].id, null, batch[2].id, null, null, null]);
    expect(results.map((r) => [r.check.cycle_exists, r.check.theme_exists, r.check.opens_at !== null])).toEqual([
      [true, true, true],
      [true, false, false],
      [true, true, true],
      [true, false, true],
      [true, true, true],
      [false, false, false],
    ]);
    expect(results[2].stored?.step).toMatchObject({ status: 'received', actor_id: prolific.id });
    const ids = batch.map((one) => one.id);
    const stored = (await pg.query(`SELECT id FROM ${s}.ideas WHERE id = ANY($1::uuid[])`, [ids])).rows.map(
      (r) => r.id,
    );
    expect(stored.sort()).toEqual([batch[0].id, batch[2].id].sort());
    const events = (
      await pg.query(
        `SELECT envelope->'data'->>'ideaId' AS idea FROM ${s}.outbox WHERE envelope->'data'->>'ideaId' = ANY($1) ORDER BY seq`,
        [ids],
      )
    ).rows.map((r) => r.idea);
    expect(events).toEqual([batch[0].id, batch[2].id]);
  });

  it('the answer is the idea as stored', async () => {
    const author = citizen();
    const answer = await ideas.submit(author, { cycleId, themeId, title: 'فكرة', body: 'نص', anonymous: true });
    const [row] = (await pg.query(`SELECT * FROM ${s}.ideas WHERE id = $1`, [answer.id])).rows;
    expect(answer).toMatchObject({
      id: row.id,
      cycleId,
      themeId,
      channel: 'portal',
      workshopId: null,
      title: 'فكرة',
      body: 'نص',
      authorId: author.id,
      anonymous: true,
      status: 'received',
      supports: 0,
      reports: 0,
      hidden: null,
      fate: null,
    });
    expect(answer.createdAt).toBe(row.created_at.toISOString());
    expect(answer.path).toEqual([
      { status: 'received', at: T0.toISOString(), actorId: author.id, explanation: null, institution: null },
    ]);
  });

  it('a retry with the same idempotency key gets the first answer and stores nothing more', async () => {
    const author = citizen();
    const dto = { cycleId, themeId, title: 'فكرة مكررة', body: 'نص الفكرة' };
    const first = await ideas.submit(author, dto, 'submit-once');
    const again = await ideas.submit(author, dto, 'submit-once');
    expect(again).toEqual(first);
    const stored = await pg.query(`SELECT id FROM ${s}.ideas WHERE author_id = $1`, [author.id]);
    expect(stored.rows).toEqual([{ id: first.id }]);
  });
});
