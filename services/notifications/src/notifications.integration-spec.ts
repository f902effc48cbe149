import { randomUUID } from 'node:crypto';
import {
  AccountMailEvents,
  IdentityEvents,
  NotificationsRpc,
  ParticipationEvents,
  ReportingEvents,
  UserDirectoryEntry,
} from '@ogp/contracts';
import { NatsRpcClient, OutboxRelay, OutboxWriter } from '@ogp/messaging';
import { freePort, Mailbox, SpawnedService, TEST_NATS_URL, TestIsolation, waitFor } from '@ogp/testing';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { startEventProducer } from '../test/event-producer';
import { FATE_STEPS } from '../test/fate-steps';

const PORTAL = 'https://portal.test.ma';

/** The notifications service as a real process, fed through a real outbox relay, sending to a real SMTP server. */
describe('notification texts, links and grouped alert e-mails (real Postgres, JetStream, SMTP)', () => {
  const iso = new TestIsolation();
  let mailbox: Mailbox;
  let notifications: SpawnedService;
  let nc: NatsConnection;
  let rpc: NatsRpcClient;
  let producer: DataSource;
  let relay: OutboxRelay;
  const writer = new OutboxWriter('test-producer');
  const schema = () => `"${iso.schema('notifications')}"`;

  const person = (
    name: string,
    roles: UserDirectoryEntry['roles'],
    language: UserDirectoryEntry['language'],
    scopes: Partial<UserDirectoryEntry['scopes']> = {},
  ): UserDirectoryEntry => ({
    userId: randomUUID(),
    email: `${name}@test.ma`,
    displayName: name,
    roles,
    scopes: { institutions: [], programmes: [], ...scopes },
    language,
    active: true,
  });
  const actor = (p: UserDirectoryEntry) => ({ actor: { id: p.userId, roles: p.roles, scopes: p.scopes } });

  async function emit<T>(contract: { type: string }, aggregateId: string, data: T): Promise<string> {
    return producer.transaction(
      async (m) => (await writer.add(m, contract as never, { aggregate: { type: 'test', id: aggregateId }, data })).id,
    );
  }

  async function inApp(userId: string): Promise<{ event_id: string; type: string; title: string; body: string }[]> {
    return producer.query(
      `SELECT event_id, type, title, body FROM ${schema()}.notifications WHERE recipient_id = $1 AND channel = 'in_app' ORDER BY created_at`,
      [userId],
    );
  }

  async function register(...people: UserDirectoryEntry[]): Promise<void> {
    for (const p of people) await emit(IdentityEvents.userRegistered, p.userId, p);
    await waitFor(
      async () =>
        (
          await producer.query(
            `SELECT count(*)::int AS n FROM ${schema()}.recipients WHERE user_id = ANY($1::uuid[])`,
            [people.map((p) => p.userId)],
          )
        )[0].n === people.length,
      {
        what: 'the directory',
      },
    );
  }

  beforeAll(async () => {
    mailbox = new Mailbox(await freePort());
    await mailbox.start();
    nc = await connect({ servers: TEST_NATS_URL });
    rpc = new NatsRpcClient(() => nc, iso.prefix, 5000);
    ({ producer, relay } = await startEventProducer(iso, nc, 'producer'));
    notifications = new SpawnedService(
      'notifications',
      iso.env('notifications', {
        HTTP_PORT: String(await freePort()),
        SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
        PORTAL_URL: PORTAL,
        ALERT_BATCH_WAIT_SECONDS: '2',
      }),
    ).start();
    await notifications.ready();
  });

  afterAll(async () => {
    rpc?.close();
    await relay?.stop();
    await notifications?.stop();
    await mailbox?.stop();
    await producer?.destroy();
    await nc?.close();
    await iso.cleanup();
  });

  describe('labels instead of codes', () => {
    it('the welcome text names the roles in the reader language, never the role codes', async () => {
      const fr = person('welcome-fr', ['project_manager', 'committee_member'], 'fr');
      const ar = person('welcome-ar', ['cso'], 'ar');
      const en = person('welcome-en', ['coordinator'], 'en');
      for (const p of [fr, ar, en]) await emit(IdentityEvents.userCreated, p.userId, p);
      await waitFor(
        async () =>
          (await inApp(fr.userId)).length === 1 &&
          (await inApp(ar.userId)).length === 1 &&
          (await inApp(en.userId)).length === 1,
        { what: 'welcome notifications' },
      );
      expect((await inApp(fr.userId))[0].body).toBe(
        "L'équipe de coordination a créé votre compte (chef de projet et membre du comité de pilotage).",
      );
      expect((await inApp(ar.userId))[0].body).toBe('أنشأ فريق التنسيق حسابك بصفة جمعية من المجتمع المدني.');
      expect((await inApp(en.userId))[0].body).toBe(
        'The coordination team created your account (coordination team member).',
      );
    });

    it('every fate step reaches the author as a label in their language, in the app and by e-mail', async () => {
      const authors = {
        ar: person('author-ar', ['citizen'], 'ar'),
        fr: person('author-fr', ['citizen'], 'fr'),
        en: person('author-en', ['cso'], 'en'),
      };
      await register(...Object.values(authors));
      for (const a of Object.values(authors))
        await rpc.request(
          NotificationsRpc.setPreference,
          { type: ParticipationEvents.ideaFateChanged.type, mode: 'immediate' },
          actor(a),
        );
      const steps = FATE_STEPS;
      const cycleId = randomUUID();
      for (const a of Object.values(authors)) {
        for (const status of steps) {
          const ideaId = randomUUID();
          await emit(ParticipationEvents.ideaFateChanged, ideaId, {
            ideaId,
            cycleId,
            authorId: a.userId,
            title: 'فكرة',
            status,
            explanation: null,
          });
        }
      }
      for (const a of Object.values(authors)) {
        await waitFor(async () => (await inApp(a.userId)).length === steps.length, {
          what: `${a.displayName}'s notifications`,
        });
        await waitFor(() => mailbox.to(a.email).length === steps.length, { what: `${a.displayName}'s e-mails` });
      }
      // Arabic and French texts carry no step code at all; English ones never the snake_case codes.
      for (const a of [authors.ar, authors.fr]) {
        const texts = [...(await inApp(a.userId)).map((n) => n.body), ...mailbox.to(a.email).map((m) => m.text)];
        for (const text of texts) for (const code of steps) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
      }
      for (const text of [
        ...(await inApp(authors.en.userId)).map((n) => n.body),
        ...mailbox.to(authors.en.email).map((m) => m.text),
      ])
        expect(text).not.toContain('not_retained');
      expect((await inApp(authors.fr.userId)).map((n) => n.body)).toContain(
        'Votre idée est passée à l’étape : non retenue.',
      );
      expect((await inApp(authors.en.userId)).map((n) => n.body)).toContain(
        'Your idea moved to: accepted for processing.',
      );
      expect((await inApp(authors.ar.userId)).map((n) => n.body)).toContain('انتقل مقترحك إلى مرحلة: غير معتمد.');
      expect(mailbox.to(authors.fr.email).map((m) => m.text.split('\n')[0])).toContain(
        'Votre idée est passée à l’étape : retenue dans un engagement proposé.',
      );
    });
  });
  describe('HTML e-mails', () => {
    it("a notification goes out as text with an HTML alternative in the reader language and direction, with a link, Content-Language and List-Unsubscribe, people's words escaped", async () => {
      const ar = person('html-ar', ['citizen'], 'ar');
      const en = person('html-en', ['citizen'], 'en');
      await register(ar, en);
      for (const p of [ar, en])
        await rpc.request(
          NotificationsRpc.setPreference,
          { type: ParticipationEvents.ideaFateChanged.type, mode: 'immediate' },
          actor(p),
        );
      const cycleId = randomUUID();
      const title = '<script>alert("x")</script> & co';
      const ideas = { ar: randomUUID(), en: randomUUID() };
      await emit(ParticipationEvents.ideaFateChanged, ideas.ar, {
        ideaId: ideas.ar,
        cycleId,
        authorId: ar.userId,
        title,
        status: 'published',
        explanation: null,
      });
      await emit(ParticipationEvents.ideaFateChanged, ideas.en, {
        ideaId: ideas.en,
        cycleId,
        authorId: en.userId,
        title,
        status: 'published',
        explanation: '<b>bold</b>',
      });
      await waitFor(() => mailbox.to(ar.email).length === 1 && mailbox.to(en.email).length === 1, {
        what: 'the two fate e-mails',
      });
      const [arMail] = mailbox.to(ar.email);
      const [enMail] = mailbox.to(en.email);
      for (const [mail, language, dir, ideaId] of [
        [arMail, 'ar', 'rtl', ideas.ar],
        [enMail, 'en', 'ltr', ideas.en],
      ] as const) {
        const link = `${PORTAL}/${language}/cycles/${cycleId}/ideas/${ideaId}`;
        expect(mail.contentType).toBe('multipart/alternative');
        expect(mail.headers['content-language']).toBe(language);
        expect(mail.headers['list-unsubscribe']).toBe(`<${PORTAL}/${language}/me/settings#preferences>`);
        expect(mail.text).toContain(link);
        expect(mail.subject).toContain(title);
        const html = mail.html ?? '';
        expect(html).toMatch(new RegExp(`<html lang="${language}" dir="${dir}">`));
        expect(html).toContain(`href="${link.replace(/\//g, '&#x2F;')}"`);
        expect(html).toContain(`href="${`${PORTAL}/${language}/me/settings#preferences`.replace(/\//g, '&#x2F;')}"`);
        expect(html).not.toContain('<script>');
        expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt; &amp; co');
      }
      expect(enMail.html).not.toContain('<b>bold</b>');
      expect(enMail.html).toContain('&lt;b&gt;bold&lt;&#x2F;b&gt;');
      expect(arMail.subject).toBe(`مآل مقترحك: ${title}`);
      expect(arMail.html).toContain('مآل مقترحك: &lt;script&gt;');
    });
  });

  describe('HTML account e-mails', () => {
    it('a password reset e-mail has its HTML form in Arabic, right to left, the reset link clickable, and no unsubscribe (it is always sent)', async () => {
      const user = person('reset-ar', ['citizen'], 'ar');
      const resetUrl = `${PORTAL}/ar/reset-password?token=abc`;
      await emit(AccountMailEvents.passwordResetRequested, user.userId, {
        userId: user.userId,
        email: user.email,
        displayName: '<i>Salma</i>',
        language: 'ar',
        resetUrl,
        expiresAt: new Date().toISOString(),
      });
      await waitFor(() => mailbox.to(user.email).length === 1, { what: 'the reset e-mail' });
      const [mail] = mailbox.to(user.email);
      expect(mail.contentType).toBe('multipart/alternative');
      expect(mail.headers['content-language']).toBe('ar');
      expect(mail.headers['list-unsubscribe']).toBeUndefined();
      expect(mail.text).toContain(resetUrl);
      expect(mail.html).toContain('<html lang="ar" dir="rtl">');
      expect(mail.html).toContain(
        '<a href="https:&#x2F;&#x2F;portal.test.ma&#x2F;ar&#x2F;reset-password?token&#x3D;abc"',
      );
      expect(mail.html).toContain('مرحبا &lt;i&gt;Salma&lt;&#x2F;i&gt;');
      expect(mail.html).not.toContain('preferences');
    });
  });

  describe('links to the item', () => {
    it('a fate e-mail links to the idea once its fate is published, and to "my ideas" before', async () => {
      const author = person('linked-author', ['citizen'], 'fr');
      await register(author);
      await rpc.request(
        NotificationsRpc.setPreference,
        { type: ParticipationEvents.ideaFateChanged.type, mode: 'immediate' },
        actor(author),
      );
      const cycleId = randomUUID();
      const ideaId = randomUUID();
      await emit(ParticipationEvents.ideaFateChanged, ideaId, {
        ideaId,
        cycleId,
        authorId: author.userId,
        title: 'Idée',
        status: 'not_retained',
        explanation: 'Hors périmètre.',
      });
      await waitFor(() => mailbox.to(author.email).length === 1, { what: 'the first fate e-mail' });
      await emit(ParticipationEvents.ideaFateChanged, ideaId, {
        ideaId,
        cycleId,
        authorId: author.userId,
        title: 'Idée',
        status: 'published',
        explanation: 'Hors périmètre.',
      });
      await waitFor(() => mailbox.to(author.email).length === 2, { what: 'the second fate e-mail' });
      const [step, published] = mailbox.to(author.email);
      expect(step.text).toBe(
        `Votre idée est passée à l’étape : non retenue. Hors périmètre.\n\nVoir : ${PORTAL}/fr/me/ideas`,
      );
      expect(published.text).toContain(`${PORTAL}/fr/cycles/${cycleId}/ideas/${ideaId}`);
      const links = await producer.query(
        `SELECT link FROM ${schema()}.notifications WHERE recipient_id = $1 AND channel = 'in_app' ORDER BY created_at`,
        [author.userId],
      );
      expect(links.map((l: { link: string }) => l.link)).toEqual(['/me/ideas', `/cycles/${cycleId}/ideas/${ideaId}`]);
    });
  });

  describe('alerts gathered per sweep', () => {
    it('an alert whose sweep never completes (a lost event) still goes out once, after ALERT_BATCH_WAIT_SECONDS', async () => {
      const programmeId = randomUUID();
      const member = person('lonely-member', ['committee_member'], 'en', { programmes: [programmeId] });
      await register(member);
      const sweep = { id: randomUUID(), size: 2 };
      const commitmentId = randomUUID();
      const alertId = randomUUID();
      await emit(ReportingEvents.alertRaised, alertId, {
        alertId,
        kind: 'overdue',
        programmeId,
        commitmentId,
        institutionId: null,
        activityId: randomUUID(),
        title: { ar: 'التزام', en: 'Commitment 7' },
        activityTitle: { ar: 'نشاط', en: 'Publish the budget' },
        dueDate: '2026-05-01',
        period: 'overdue',
        audience: ['committee'],
        sweep,
      });
      await waitFor(async () => (await inApp(member.userId)).length === 1, { what: 'the in-app alert' });
      await new Promise((r) => setTimeout(r, 1000));
      expect(mailbox.to(member.email)).toHaveLength(0);
      await waitFor(() => mailbox.to(member.email).length === 1, {
        what: 'the e-mail after the wait',
        timeoutMs: 15000,
      });
      expect(mailbox.to(member.email)[0].subject).toBe('Overdue activity: Publish the budget — Commitment 7');
      expect(mailbox.to(member.email)[0].text).toBe(
        `Activity "Publish the budget" of commitment Commitment 7 was due on May 1, 2026 and is not complete.\n\nView: ${PORTAL}/en/commitments/${commitmentId}`,
      );
      // The rest of the sweep arriving late goes out alone, once.
      const late = randomUUID();
      await emit(ReportingEvents.alertRaised, late, {
        alertId: late,
        kind: 'commitment_overdue',
        programmeId,
        commitmentId,
        institutionId: null,
        activityId: null,
        title: { ar: 'التزام', en: 'Commitment 7' },
        activityTitle: null,
        dueDate: '2026-05-10',
        period: 'overdue',
        audience: ['committee'],
        sweep,
      });
      await waitFor(() => mailbox.to(member.email).length === 2, { what: 'the late alert' });
      await new Promise((r) => setTimeout(r, 1000));
      expect(mailbox.to(member.email)).toHaveLength(2);
      expect(mailbox.to(member.email)[1].subject).toBe('Overdue commitment: Commitment 7');
    });
  });
});
