import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { createLogger, FixedClock, loadConfig } from '@ogp/runtime';
import { freePort, SpawnedService, TEST_DATABASE_URL, TestIsolation, expectToMatchContract } from '@ogp/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedCycle2021 } from './demo/seed-cycle';
import { createParticipationApp } from './participation.app';
import { ParticipationConfig } from './participation.config';

const PASSWORD = 'a long enough password';
const T0 = new Date('2026-03-01T08:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3600_000);

describe('co-creation through the gateway (real Postgres, NATS, processes; injected clock)', () => {
  const iso = new TestIsolation();
  const clock = new FixedClock(hours(1));
  let participation: INestApplication;
  let gateway: SpawnedService;
  let commitments: SpawnedService;
  let base: string;
  let pg: Client;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let cycleId: string;
  let themeId: string;

  async function call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    raw?: string,
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'accept-language': 'en',
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    const answer = { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    // Every answer of the gateway must match its OpenAPI document.
    expectToMatchContract(method, path, answer.status, answer.body);
    return answer;
  }
  const count = async (sql: string) =>
    (await pg.query(sql.replace(/\{s\}/g, `"${iso.schema('participation')}"`))).rows[0].n as number;

  async function account(name: string, role: string): Promise<void> {
    if (role === 'citizen' || role === 'cso') {
      expect(
        (
          await call('POST', '/auth/register', undefined, {
            email: `${name}@test.ma`,
            password: PASSWORD,
            displayName: name,
            role,
          })
        ).status,
      ).toBe(202);
    } else {
      expect(
        (
          await call('POST', '/accounts', tokens.admin, {
            email: `${name}@test.ma`,
            password: PASSWORD,
            displayName: name,
            roles: [role],
          })
        ).status,
      ).toBe(201);
    }
    const login = await call('POST', '/auth/login', undefined, { email: `${name}@test.ma`, password: PASSWORD });
    tokens[name] = login.body.accessToken;
    ids[name] = (await call('GET', '/auth/me', tokens[name])).body.id;
  }

  beforeAll(async () => {
    const config = loadConfig(ParticipationConfig, iso.env('participation', { IDEA_RATE_LIMIT_PER_HOUR: '3' }));
    ({ app: participation } = await createParticipationApp(config, createLogger('participation', 'warn'), clock));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    gateway = new SpawnedService(
      'gateway',
      iso.env('gateway', { HTTP_PORT: String(port), AUTH_RATE_LIMIT_PER_MINUTE: '10000' }),
    ).start();
    // A cycle belongs to a programme, which the commitments service owns and checks.
    commitments = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()) }),
    ).start();
    await Promise.all([gateway.ready(), commitments.ready()]);
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'gateway', 'dist', 'cli', 'create-admin.js')], {
      env: { ...process.env, ...iso.env('gateway'), ADMIN_EMAIL: 'admin@test.ma', ADMIN_PASSWORD: PASSWORD },
    });
    tokens.admin = (
      await call('POST', '/auth/login', undefined, { email: 'admin@test.ma', password: PASSWORD })
    ).body.accessToken;
    await account('coordinator', 'coordinator');
    for (const name of ['amina', 'youssef', 'karim']) await account(name, 'citizen');
    await account('association', 'cso');
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    const programme = await call('POST', '/programmes', tokens.coordinator, {
      code: 'OGP-MA',
      kind: 'ogp_national',
      name: { ar: 'برنامج الحكومة المنفتحة' },
    });
    expect(programme.status).toBe(201);
    const cycle = await call('POST', '/cycles', tokens.coordinator, {
      programmeId: programme.body.id,
      code: 'TEST-CYCLE',
      title: { ar: 'دورة الإعداد المشترك' },
      phases: [
        { kind: 'ideas', opensAt: hours(0).toISOString(), closesAt: hours(48).toISOString() },
        { kind: 'consultation', opensAt: hours(100).toISOString(), closesAt: hours(200).toISOString() },
        { kind: 'candidacy', opensAt: hours(300).toISOString(), closesAt: hours(400).toISOString() },
      ],
      themes: [{ number: 1, title: { ar: 'الولوج للمعلومة' } }],
    });
    expect(cycle.status).toBe(201);
    cycleId = cycle.body.id;
    themeId = cycle.body.themes[0].id;
  });

  afterAll(async () => {
    await gateway?.stop();
    await commitments?.stop();
    await participation?.close();
    await pg?.end();
    await iso.cleanup();
  });

  const idea = (token: string, extra: Record<string, unknown> = {}) =>
    call('POST', '/ideas', token, {
      cycleId,
      themeId,
      title: 'نشر البيانات المفتوحة للجماعات',
      body: 'اقتراح بنشر ميزانيات الجماعات الترابية بصيغة مفتوحة قابلة لإعادة الاستعمال.',
      ...extra,
    });

  describe('windows', () => {
    it('phases follow the calendar on their own', async () => {
      clock.set(hours(1));
      expect((await call('GET', `/cycles/${cycleId}`)).body.currentPhases).toEqual(['ideas']);
      clock.set(hours(150));
      expect((await call('GET', `/cycles/${cycleId}`)).body.currentPhases).toEqual(['consultation']);
    });

    it.each([
      ['a minute before opening', -1 / 60, 'WINDOW_NOT_OPEN', /opens on 2026-03-01T08:00:00.000Z/],
      ['a minute after closing', 48 + 1 / 60, 'WINDOW_CLOSED', /closed on 2026-03-03T08:00:00.000Z/],
    ])('an idea %s: 409 saying when, and nothing written', async (_label, at, code, message) => {
      clock.set(hours(at as number));
      const before = await count(`SELECT count(*)::int AS n FROM {s}.ideas`);
      const res = await idea(tokens.amina);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(message as RegExp);
      expect(await count(`SELECT count(*)::int AS n FROM {s}.ideas`)).toBe(before);
    });

    it('consultation comments and candidacies keep their own windows', async () => {
      const draft = await call('POST', '/drafts', tokens.coordinator, {
        cycleId,
        number: 1,
        title: { ar: 'التزام مقترح' },
        institution: 'وزارة الاقتصاد والمالية',
      });
      ids.draft = draft.body.id;
      clock.set(new Date(hours(100).getTime() - 60_000));
      expect((await call('POST', `/drafts/${ids.draft}/comments`, tokens.amina, { body: 'تعليق مبكر' })).status).toBe(
        409,
      );
      clock.set(new Date(hours(200).getTime() + 60_000));
      expect((await call('POST', `/drafts/${ids.draft}/comments`, tokens.amina, { body: 'تعليق متأخر' })).status).toBe(
        409,
      );
      clock.set(new Date(hours(300).getTime() - 60_000));
      const candidacy = {
        cycleId,
        organisation: 'جمعية الشفافية',
        statement: 'نترشح لتمثيل المجتمع المدني في لجنة القيادة لأننا نعمل على الشفافية منذ عشر سنوات.',
      };
      expect((await call('POST', '/candidacies', tokens.association, candidacy)).body.error.code).toBe(
        'WINDOW_NOT_OPEN',
      );
      expect(await count(`SELECT count(*)::int AS n FROM {s}.comments`)).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM {s}.candidacies`)).toBe(0);
    });
  });

  describe('ideas and their fate', () => {
    beforeAll(() => clock.set(hours(2)));

    it('script and HTML are stored as text and returned inert', async () => {
      const title = '<script>alert("x")</script><b>فكرة</b>';
      const res = await idea(tokens.youssef, { title, body: '<img src=x onerror=alert(1)> نص المقترح الكامل' });
      expect(res.status).toBe(201);
      expect(res.body.title).toBe(title);
      const read = await call('GET', `/ideas/${res.body.id}`);
      expect(read.body.title).toBe(title);
      expect(read.headers.get('content-type')).toMatch(/^application\/json/);
      expect(read.headers.get('x-content-type-options')).toBe('nosniff');
      expect(read.headers.get('content-security-policy')).toContain("default-src 'none'");
      const { rows } = await pg.query(`SELECT title FROM "${iso.schema('participation')}".ideas WHERE id = $1`, [
        res.body.id,
      ]);
      expect(rows[0].title).toBe(title);
    });

    it('submissions are rate-limited, and oversized input is refused', async () => {
      for (let i = 0; i < 2; i++)
        expect((await idea(tokens.karim, { title: `فكرة رقم ${i} حول الشفافية` })).status).toBe(201);
      expect((await idea(tokens.karim)).status).toBe(201);
      const limited = await idea(tokens.karim);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect((await idea(tokens.amina, { body: 'ب'.repeat(5001) })).status).toBe(400);
      expect((await idea(tokens.amina, { body: 'ب'.repeat(70_000) })).status).toBe(413);
    });

    it('similar existing ideas are suggested, Arabic-aware', async () => {
      const res = await call(
        'GET',
        `/cycles/${cycleId}/ideas/similar?text=${encodeURIComponent('نشر البيانات المفتوحه للجماعات')}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body[0].title).toContain('البيانات المفتوحة');
    });

    it('a step cannot be skipped, a rejection needs its reason, the fate cannot be published without an explanation', async () => {
      const created = await idea(tokens.amina, { anonymous: true, title: 'مقترح مجهول الهوية حول الشفافية' });
      ids.idea = created.body.id;
      const skip = await call('POST', `/ideas/${ids.idea}/fate`, tokens.coordinator, { step: 'study' });
      expect(skip.status).toBe(409);
      expect(skip.body.error.code).toBe('ILLEGAL_TRANSITION');
      expect(
        (await call('POST', `/ideas/${ids.idea}/fate`, tokens.coordinator, { step: 'screen', decision: 'reject' }))
          .status,
      ).toBe(400);
      for (const step of [
        { step: 'screen', decision: 'accept' },
        { step: 'group', institution: 'وزارة الداخلية' },
        { step: 'share' },
        { step: 'study' },
        { step: 'not_retain' },
      ]) {
        expect((await call('POST', `/ideas/${ids.idea}/fate`, tokens.coordinator, step)).status).toBe(200);
      }
      const unexplained = await call('POST', `/ideas/${ids.idea}/fate`, tokens.coordinator, { step: 'publish' });
      expect(unexplained.status).toBe(400);
      expect((await call('GET', `/ideas/${ids.idea}`)).body.fate).toBeNull();
      const published = await call('POST', `/ideas/${ids.idea}/fate`, tokens.coordinator, {
        step: 'publish',
        explanation: 'المقترح يدخل ضمن اختصاص برنامج آخر للإصلاح الإداري.',
      });
      expect(published.status).toBe(200);
      expect(published.body.path.map((p: { status: string }) => p.status)).toEqual([
        'received',
        'accepted',
        'grouped',
        'shared',
        'studied',
        'not_retained',
        'published',
      ]);
      expect(published.body.path.every((p: { at: string }) => !!p.at)).toBe(true);
    });

    it('the author sees their idea’s private fields and whole path; nobody else does', async () => {
      const own = (await call('GET', `/ideas/${ids.idea}`, tokens.amina)).body;
      expect(own.authorId).toBe(ids.amina);
      expect(own.anonymous).toBe(true);
      expect(own.path).toHaveLength(7);
      for (const reader of [undefined, tokens.youssef]) {
        const view = (await call('GET', `/ideas/${ids.idea}`, reader)).body;
        expect(view.authorId).toBeNull();
        expect(view.path).toBeUndefined();
        expect(view.anonymous).toBeUndefined();
        expect(view.fate).toMatchObject({
          status: 'not_retained',
          explanation: 'المقترح يدخل ضمن اختصاص برنامج آخر للإصلاح الإداري.',
        });
      }
      const mine = await call('GET', '/me/ideas', tokens.amina);
      expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(ids.idea);
      // Each step was announced for the author's notifications.
      const events = await count(
        `SELECT count(*)::int AS n FROM {s}.outbox WHERE type = 'participation.idea.fate-changed' AND envelope->'data'->>'ideaId' = '${ids.idea}'`,
      );
      expect(events).toBe(7);
    });

    it('anyone can report an idea; a moderator hides it with a reason', async () => {
      const created = await idea(tokens.youssef, { title: 'مقترح سيتم الإبلاغ عنه' });
      expect(
        (await call('POST', `/ideas/${created.body.id}/report`, tokens.amina, { reason: 'محتوى مسيء' })).body.reports,
      ).toBe(1);
      expect((await call('POST', `/ideas/${created.body.id}/hide`, tokens.amina, { reason: 'x' })).status).toBe(403);
      const hidden = await call('POST', `/ideas/${created.body.id}/hide`, tokens.coordinator, {
        reason: 'مخالف لميثاق المشاركة',
      });
      expect(hidden.body.hidden.reason).toBe('مخالف لميثاق المشاركة');
      expect((await call('GET', `/ideas/${created.body.id}`)).status).toBe(404);
      expect((await call('GET', `/ideas/${created.body.id}`, tokens.youssef)).body.hidden).not.toBeNull();
    });
  });

  describe('workshops', () => {
    it('N seats, N+10 concurrent registrations: exactly N confirmed', async () => {
      clock.set(hours(2));
      const N = 15;
      const workshop = await call('POST', '/workshops', tokens.coordinator, {
        cycleId,
        themeId,
        number: 1,
        title: { ar: 'اللقاء التشاوري الأول' },
        organiser: 'جمعية الشفافية',
        institutions: ['قطاع إصلاح الإدارة'],
        startsAt: hours(40).toISOString(),
        registrationOpensAt: hours(0).toISOString(),
        registrationClosesAt: hours(39).toISOString(),
        capacity: N,
        agenda: [{ item: 'افتتاح', minutes: 10 }],
      });
      ids.workshop = workshop.body.id;
      const people: string[] = [];
      for (let i = 0; i < N + 10; i++) {
        const name = `p${i}`;
        expect(
          (
            await call('POST', '/auth/register', undefined, {
              email: `${name}@test.ma`,
              password: PASSWORD,
              displayName: name,
              role: 'citizen',
            })
          ).status,
        ).toBe(202);
        people.push(
          (await call('POST', '/auth/login', undefined, { email: `${name}@test.ma`, password: PASSWORD })).body
            .accessToken,
        );
      }
      const results = await Promise.all(people.map((t) => call('POST', `/workshops/${ids.workshop}/registrations`, t)));
      const confirmed = results.filter((r) => r.status === 201);
      expect(confirmed).toHaveLength(N);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'FULL')).toBe(true);
      expect(new Set(confirmed.map((r) => r.body.code)).size).toBe(N);
      expect((await call('GET', `/workshops/${ids.workshop}`)).body.confirmed).toBe(N);
      expect(await count(`SELECT count(*)::int AS n FROM {s}.registrations WHERE status = 'confirmed'`)).toBe(N);
      // Cancelling frees a seat for someone else; attendance is marked by code.
      const first = confirmed[0].body.code;
      const who = people[results.indexOf(confirmed[0])];
      expect((await call('DELETE', `/workshops/${ids.workshop}/registrations/${first}`, who)).body.status).toBe(
        'cancelled',
      );
      const late = results.findIndex((r) => r.status === 409);
      expect((await call('POST', `/workshops/${ids.workshop}/registrations`, people[late])).status).toBe(201);
      const present = await call('POST', `/workshops/${ids.workshop}/attendance`, tokens.coordinator, {
        presentCodes: confirmed.slice(1, 6).map((r) => r.body.code),
      });
      expect(present.body.present).toBe(5);
      const recorded = await call('POST', `/workshops/${ids.workshop}/ideas`, tokens.coordinator, {
        title: 'مقترح من اللقاء',
        body: 'اقتراح تم التعبير عنه خلال اللقاء التشاوري.',
      });
      expect(recorded.body).toMatchObject({ channel: 'workshop', workshopId: ids.workshop });
      const ranked = await call('PUT', `/workshops/${ids.workshop}/problems`, tokens.coordinator, {
        problems: [
          { title: 'ضعف النشر', priority: 2 },
          { title: 'غياب البيانات', priority: 1 },
        ],
      });
      expect(ranked.body.problems.map((p: { title: string }) => p.title)).toEqual(['غياب البيانات', 'ضعف النشر']);
      const outputs = await call('PUT', `/workshops/${ids.workshop}/outputs`, tokens.coordinator, {
        reportUrl: 'https://example.ma/report.pdf',
        recordingUrl: 'https://example.ma/video',
      });
      expect(outputs.body.reportUrl).toBe('https://example.ma/report.pdf');
    });
  });

  describe('consultation, committee, publications', () => {
    it('a comment is forwarded to the institution concerned, and its answer shown beside it', async () => {
      clock.set(hours(120));
      const comment = await call('POST', `/drafts/${ids.draft}/comments`, tokens.amina, {
        body: 'أقترح إضافة مؤشر حول عدد الطلبات المعالجة.',
      });
      expect(comment.status).toBe(201);
      const forwarded = await pg.query(
        `SELECT envelope->'data'->>'institution' AS institution FROM "${iso.schema('participation')}".outbox WHERE type = 'participation.comment.posted'`,
      );
      expect(forwarded.rows[0].institution).toBe('وزارة الاقتصاد والمالية');
      await call('POST', `/comments/${comment.body.id}/answer`, tokens.coordinator, {
        answer: 'تمت إضافة المؤشر إلى بطاقة الالتزام.',
      });
      const listed = await call('GET', `/drafts/${ids.draft}/comments`);
      expect(listed.body.items[0]).toMatchObject({
        body: 'أقترح إضافة مؤشر حول عدد الطلبات المعالجة.',
        answer: 'تمت إضافة المؤشر إلى بطاقة الالتزام.',
      });
    });

    it('CSOs apply in the window; selection by score creates seats; the composition is public and parity is checked', async () => {
      clock.set(hours(310));
      const apply = await call('POST', '/candidacies', tokens.association, {
        cycleId,
        organisation: 'جمعية الشفافية',
        statement: 'نترشح لتمثيل المجتمع المدني في لجنة القيادة لأننا نعمل على الشفافية منذ عشر سنوات.',
      });
      expect(apply.status).toBe(201);
      const selection = {
        cycleId,
        scores: [{ candidacyId: apply.body.id, score: 80 }],
        seats: 1,
        termStart: '2026-04-01',
        termMonths: 24,
      };
      const early = await call('POST', '/committee/selection', tokens.coordinator, selection);
      expect(early.status).toBe(409);
      clock.set(hours(401));
      const selected = await call('POST', '/committee/selection', tokens.coordinator, selection);
      expect(selected.body).toMatchObject({ civilSociety: 1, government: 0, parity: false });
      const withGov = await call('POST', '/committee/government-seats', tokens.coordinator, {
        holder: 'قطاع إصلاح الإدارة',
        termStart: '2026-04-01',
        termMonths: 24,
      });
      expect(withGov.body).toMatchObject({ civilSociety: 1, government: 1, parity: true });
      const publicView = await call('GET', '/committee');
      expect(publicView.body.seats.map((s: { holder: string }) => s.holder).sort()).toEqual(
        ['جمعية الشفافية', 'قطاع إصلاح الإدارة'].sort(),
      );
      const seat = publicView.body.seats.find((s: { sector: string }) => s.sector === 'civil_society');
      const ended = await call('POST', `/committee/seats/${seat.id}/end`, tokens.coordinator, {
        reason: 'غياب متكرر عن الاجتماعات',
      });
      expect(ended.body).toMatchObject({ civilSociety: 0, parity: false });
    });

    it('publications go from draft to published; the public sees only published ones', async () => {
      const draft = await call('POST', '/publications', tokens.coordinator, {
        kind: 'minutes',
        title: { ar: 'محضر اجتماع لجنة القيادة', fr: 'PV du comité de pilotage' },
        body: { ar: 'نص المحضر' },
        attachments: [{ title: 'المحضر', url: 'https://example.ma/pv.pdf' }],
      });
      expect((await call('GET', '/publications?kind=minutes')).body.total).toBe(0);
      await call('POST', `/publications/${draft.body.id}/publish`, tokens.coordinator);
      const listed = await call('GET', '/publications?kind=minutes');
      expect(listed.body.items[0]).toMatchObject({ status: 'published', title: { ar: 'محضر اجتماع لجنة القيادة' } });
    });
  });

  it('statistics computed on the seeded 2021-2023 cycle equal the synthesis report’s tables', async () => {
    const seeded = await participation
      .get(DataSource)
      .transaction((m) => seedCycle2021(m, '00000000-0000-4000-8000-0000000000aa'));
    const stats = (await call('GET', `/cycles/${seeded}/statistics`)).body;
    expect(stats.portal).toEqual({ withProposals: 179, interacting: 53, total: 232 });
    expect(stats.workshops.map((w: { registered: number }) => w.registered)).toEqual([
      229, 104, 179, 184, 264, 295, 381, 392, 515, 557,
    ]);
    expect(stats.workshops.map((w: { present: number }) => w.present)).toEqual([
      87, 91, 43, 24, 38, 77, 49, 55, 58, 50,
    ]);
    expect(stats.workshopsPresentTotal).toBe(572);
    expect(stats.participantsTotal).toBe(804);
    expect(stats.ideasByTheme.map((t: { portal: number }) => t.portal)).toEqual([14, 52, 10, 4, 7, 21, 22, 11, 26, 12]);
    expect(stats.ideasByTheme.map((t: { workshop: number }) => t.workshop)).toEqual([5, 2, 11, 4, 6, 5, 6, 6, 3, 5]);
    expect(stats.ideas).toEqual({ portal: 179, workshop: 53, total: 232 });
    expect([stats.proposedCommitments, stats.institutions]).toEqual([24, 11]);
    expect(stats.consultation).toEqual({ days: 28, weeks: 4, participants: 5, comments: 28 });
  });
});
