import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { Language } from '@ogp/contracts';
import { createLogger, loadConfig } from '@ogp/runtime';
import {
  freePort,
  Mailbox,
  SpawnedService,
  TEST_DATABASE_URL,
  TestIsolation,
  waitFor,
  expectToMatchContract,
} from '@ogp/testing';
import { Client } from 'pg';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';
import { UsersService } from './identity/users.service';
import plan2018 from './demo/ogp-morocco-2018-2020.plan.json';
import { SYSTEM_ADMIN, injectRequest } from './testing/gateway-client.fixture';

const PASSWORD = 'Follow-the-Commitments-2026!';
const PORTAL = 'https://portal.test.ma';

interface Person {
  id: string;
  email: string;
  token: string;
}

/**
 * Following a commitment or a co-creation cycle through the gateway, with every service a real
 * process and a real SMTP server: followers and the institution's other project managers hear
 * of a progress report, followers of a cycle hear of a phase opening, in the app and by e-mail.
 */
describe('follows: commitments and cycles, progress reports to followers and project managers (real servers, SMTP)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  let services: SpawnedService[] = [];
  let mailbox: Mailbox;
  let pg: Client;
  let coordinator: Person;
  let programmeId: string;
  let commitment: {
    id: string;
    leadInstitutionId: string;
    activities: { id: string }[];
    title: { ar: string; fr?: string };
  };
  const people: Record<string, Person> = {};

  async function call(
    method: string,
    url: string,
    options: { token?: string; body?: unknown; language?: string } = {},
  ) {
    const res = await injectRequest(app, method, url, {
      token: options.token,
      body: options.body,
      headers: options.language ? { 'accept-language': options.language } : {},
    });
    const answer = { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
    // Every answer the suite receives must match the OpenAPI document.
    expectToMatchContract(method, url, answer.status, answer.body);
    return answer;
  }

  async function account(
    name: string,
    roles: Role[],
    language: Language,
    scopes?: { institutions: string[]; programmes: string[] },
  ): Promise<Person> {
    const users = app.get(UsersService);
    const input = { email: `${name}@test.ma`, password: PASSWORD, displayName: name, roles, scopes, language };
    if (roles.some((r) => r === 'citizen' || r === 'cso')) await users.register(input);
    else await users.createByStaff(SYSTEM_ADMIN, input);
    const login = await call('POST', '/auth/login', { body: { email: input.email, password: PASSWORD } });
    expect(login.status).toBe(200);
    const me = await call('GET', '/auth/me', { token: login.body.accessToken });
    return { id: me.body.id, email: input.email, token: login.body.accessToken };
  }

  async function inApp(person: Person): Promise<{ type: string; title: string; body: string; link: string | null }[]> {
    const res = await call('GET', '/me/notifications?limit=100', { token: person.token });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    mailbox = new Mailbox(await freePort());
    await mailbox.start();
    services = [
      new SpawnedService('commitments', iso.env('commitments', { HTTP_PORT: String(await freePort()) })),
      new SpawnedService('participation', iso.env('participation', { HTTP_PORT: String(await freePort()) })),
      new SpawnedService(
        'notifications',
        iso.env('notifications', {
          HTTP_PORT: String(await freePort()),
          SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
          PORTAL_URL: PORTAL,
          PHASE_CHECK_SECONDS: '1',
        }),
      ),
    ].map((s) => s.start());
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    await app.getHttpAdapter().getInstance().ready();
    await Promise.all(services.map((s) => s.ready()));
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();

    coordinator = await account('coordinator', ['coordinator'], 'ar');
    const programme = await call('POST', '/programmes', {
      token: coordinator.token,
      body: { code: 'OGP-MA', kind: 'ogp_national', name: { ar: 'برنامج الحكومة المنفتحة' } },
    });
    expect(programme.status).toBe(201);
    programmeId = programme.body.id;
    const imported = await call('POST', '/plans/import', { token: coordinator.token, body: plan2018 });
    expect(imported.status).toBe(201);
    const first = (await call('GET', `/commitments?planId=${imported.body.planId}&limit=1`)).body.items[0];
    commitment = (await call('GET', `/commitments/${first.id}`)).body;
    const institution = commitment.leadInstitutionId;
    const otherInstitution = ((await call('GET', '/institutions?limit=100')).body.items as { id: string }[]).find(
      (i) => i.id !== institution,
    )!.id;
    const scoped = (institutions: string[]) => ({ institutions, programmes: [] });
    people.author = await account('pm-author', ['project_manager'], 'ar', scoped([institution]));
    people.colleague = await account('pm-colleague', ['project_manager'], 'en', scoped([institution]));
    people.quiet = await account('pm-quiet', ['project_manager'], 'fr', scoped([institution]));
    people.elsewhere = await account('pm-elsewhere', ['project_manager'], 'ar', scoped([otherInstitution]));
    people.follower = await account('citizen-follower', ['citizen'], 'fr');
    people.bystander = await account('citizen-bystander', ['citizen'], 'ar');
    const schema = `"${iso.schema('notifications')}"`;
    await waitFor(async () => (await pg.query(`SELECT count(*)::int AS n FROM ${schema}.recipients`)).rows[0].n === 7, {
      what: 'the directory',
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await Promise.all(services.map((s) => s.stop()));
    await mailbox?.stop();
    await pg?.end();
    await iso.cleanup();
  });

  it('a signed-in person follows a commitment (the owning service says it exists), lists it, and cannot follow what does not exist', async () => {
    const put = await call('PUT', `/me/follows/commitments/${commitment.id}`, { token: people.follower.token });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ kind: 'commitment', id: commitment.id, title: commitment.title });
    // Following again changes nothing.
    expect(
      (await call('PUT', `/me/follows/commitments/${commitment.id}`, { token: people.follower.token })).status,
    ).toBe(200);

    const missing = await call('PUT', `/me/follows/commitments/${randomUUID()}`, {
      token: people.follower.token,
      language: 'fr',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect(missing.body.error.message).toBe("L'élément demandé n'existe pas.");
    expect((await call('PUT', `/me/follows/cycles/${randomUUID()}`, { token: people.follower.token })).status).toBe(
      404,
    );
    expect((await call('PUT', '/me/follows/commitments/not-a-uuid', { token: people.follower.token })).status).toBe(
      400,
    );
    expect((await call('PUT', `/me/follows/commitments/${commitment.id}`)).status).toBe(401);
    expect((await call('GET', '/me/follows')).status).toBe(401);

    const list = await call('GET', '/me/follows', { token: people.follower.token });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ kind: 'commitment', id: commitment.id }] });
    expect((await call('GET', '/me/follows', { token: people.bystander.token })).body.total).toBe(0);
    const rows = await pg.query(`SELECT count(*)::int AS n FROM "${iso.schema('notifications')}".follows`);
    expect(rows.rows[0].n).toBe(1);
  });

  it('a progress report reaches the followers and the institution’s other project managers (not the author), in the app and by e-mail as their preferences say', async () => {
    const off = await call('PUT', '/me/notification-preferences', {
      token: people.quiet.token,
      body: { type: 'commitments.progress.reported', mode: 'off' },
    });
    expect(off.status).toBe(200);
    const activity = commitment.activities[0];
    const report = await call('POST', `/commitments/${commitment.id}/progress`, {
      token: people.author.token,
      body: { activityId: activity.id, progress: 60, reportedOn: yesterday() },
    });
    expect(report.status).toBe(201);

    await waitFor(
      () => mailbox.to(people.follower.email).length >= 1 && mailbox.to(people.colleague.email).length >= 1,
      { what: 'e-mails of the report', timeoutMs: 20000 },
    );
    await waitFor(async () => (await inApp(people.quiet)).some((n) => n.type === 'commitments.progress.reported'), {
      what: 'the quiet manager’s in-app notification',
    });
    await new Promise((r) => setTimeout(r, 1500));

    const followerMails = mailbox.to(people.follower.email);
    const report1 = followerMails.find((m) => m.subject.startsWith("Nouveau rapport d'avancement"))!;
    expect(report1.subject).toBe(`Nouveau rapport d'avancement : ${commitment.title.fr ?? commitment.title.ar}`);
    expect(report1.text).toContain('est avancée à 60 %');
    expect(report1.text).toContain(`Voir : ${PORTAL}/fr/commitments/${commitment.id}`);
    const colleagueMails = mailbox
      .to(people.colleague.email)
      .filter((m) => m.subject.startsWith('New progress report'));
    expect(colleagueMails).toHaveLength(1);
    expect(colleagueMails[0].text).toContain(`View: ${PORTAL}/en/commitments/${commitment.id}`);

    // In the app: follower, colleague and the quiet manager; by e-mail: not the one who chose "off".
    for (const p of [people.follower, people.colleague, people.quiet]) {
      const notes = (await inApp(p)).filter((n) => n.type === 'commitments.progress.reported');
      expect(notes).toHaveLength(1);
      expect(notes[0].link).toBe(`/commitments/${commitment.id}`);
    }
    const aboutIt = (p: Person) => mailbox.to(p.email).filter((m) => m.text.includes(`/commitments/${commitment.id}`));
    expect(aboutIt(people.quiet)).toHaveLength(0);
    // Not the author, not another institution's manager, not someone who does not follow.
    for (const p of [people.author, people.elsewhere, people.bystander]) {
      expect((await inApp(p)).filter((n) => n.type === 'commitments.progress.reported')).toHaveLength(0);
      expect(aboutIt(p)).toHaveLength(0);
    }

    // The completion level moved (not started → limited): followers hear of it, labelled.
    await waitFor(
      async () => (await inApp(people.follower)).some((n) => n.type === 'commitments.completion-level.changed'),
      { what: 'the level change' },
    );
    const level = (await inApp(people.follower)).find((n) => n.type === 'commitments.completion-level.changed')!;
    expect(level.body).toContain('passe de « non commencé » à « limité »');
    expect(
      (await inApp(people.colleague)).filter((n) => n.type === 'commitments.completion-level.changed'),
    ).toHaveLength(0);
  });

  it('after unfollowing, the next report reaches the managers but not the former follower', async () => {
    const del = await call('DELETE', `/me/follows/commitments/${commitment.id}`, { token: people.follower.token });
    expect(del.status).toBe(204);
    expect((await call('GET', '/me/follows', { token: people.follower.token })).body.total).toBe(0);
    const before = {
      follower: mailbox.to(people.follower.email).length,
      colleague: mailbox.to(people.colleague.email).length,
    };
    const report = await call('POST', `/commitments/${commitment.id}/progress`, {
      token: people.author.token,
      body: { activityId: commitment.activities[0].id, progress: 70, reportedOn: yesterday() },
    });
    expect(report.status).toBe(201);
    await waitFor(() => mailbox.to(people.colleague.email).length === before.colleague + 1, {
      what: 'the colleague’s e-mail',
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailbox.to(people.follower.email)).toHaveLength(before.follower);
  });

  it('followers of a cycle hear once that a phase opened (not of phases open before they followed) and of the cycle’s publications; the list is paginated', async () => {
    const now = Date.now();
    const iso8601 = (ms: number) => new Date(now + ms).toISOString();
    const created = await call('POST', '/cycles', {
      token: coordinator.token,
      body: {
        programmeId,
        code: 'C-2026',
        title: { ar: 'دورة 2026', fr: 'Cycle 2026' },
        phases: [
          { kind: 'themes', opensAt: iso8601(-86_400_000), closesAt: iso8601(86_400_000) },
          { kind: 'ideas', opensAt: iso8601(4000), closesAt: iso8601(30 * 86_400_000) },
        ],
      },
    });
    expect(created.status).toBe(201);
    const cycleId = created.body.id;
    expect((await call('PUT', `/me/follows/cycles/${cycleId}`, { token: people.follower.token })).status).toBe(200);
    expect(
      (await call('PUT', `/me/follows/commitments/${commitment.id}`, { token: people.follower.token })).status,
    ).toBe(200);
    const page = await call('GET', '/me/follows?limit=1&offset=1', { token: people.follower.token });
    expect(page.body.total).toBe(2);
    expect(page.body.items).toHaveLength(1);

    const phaseMail = () =>
      mailbox.to(people.follower.email).filter((m) => m.subject.startsWith('Ouverture de la phase'));
    await waitFor(() => phaseMail().length >= 1, { what: 'the phase opening e-mail', timeoutMs: 20000 });
    await new Promise((r) => setTimeout(r, 2500));
    expect(phaseMail()).toHaveLength(1);
    expect(phaseMail()[0].subject).toBe('Ouverture de la phase : collecte des idées et propositions — Cycle 2026');
    expect(phaseMail()[0].text).toContain(`${PORTAL}/fr/cycles/${cycleId}`);
    const notes = (await inApp(people.follower)).filter((n) => n.type === 'participation.cycle.phase-opened');
    expect(notes).toHaveLength(1);
    expect(notes[0].link).toBe(`/cycles/${cycleId}`);
    expect((await inApp(people.bystander)).filter((n) => n.type === 'participation.cycle.phase-opened')).toHaveLength(
      0,
    );

    // A publication of the cycle reaches its followers; one of no cycle reaches no one; an unknown cycle is a 404.
    const publish = async (body: Record<string, unknown>) => {
      const draft = await call('POST', '/publications', {
        token: coordinator.token,
        body: { kind: 'minutes', body: { ar: 'نص المحضر' }, ...body },
      });
      expect(draft.status).toBe(201);
      expect((await call('POST', `/publications/${draft.body.id}/publish`, { token: coordinator.token })).status).toBe(
        200,
      );
      return draft.body.id as string;
    };
    expect(
      (
        await call('POST', '/publications', {
          token: coordinator.token,
          body: { kind: 'news', title: { ar: 'خبر' }, body: { ar: 'نص' }, cycleId: randomUUID() },
        })
      ).status,
    ).toBe(404);
    await publish({ title: { ar: 'خبر عام', fr: 'Actualité générale' } });
    const minutes = await publish({ title: { ar: 'محضر ورشة', fr: "Procès-verbal de l'atelier" }, cycleId });
    const publicationMail = () =>
      mailbox.to(people.follower.email).filter((m) => m.subject.startsWith('Nouvelle publication'));
    await waitFor(() => publicationMail().length >= 1, { what: 'the publication e-mail' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(publicationMail()).toHaveLength(1);
    expect(publicationMail()[0].subject).toBe("Nouvelle publication : Procès-verbal de l'atelier");
    expect(publicationMail()[0].text).toContain(
      "Nouvelle publication (procès-verbal) dans le cycle de co-création Cycle 2026 que vous suivez : Procès-verbal de l'atelier.",
    );
    expect(publicationMail()[0].text).toContain(`${PORTAL}/fr/publications/${minutes}`);
    expect(
      (await inApp(people.bystander)).filter((n) => n.type === 'participation.publication.published'),
    ).toHaveLength(0);
  });
});
