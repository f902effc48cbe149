import { randomUUID } from 'node:crypto';
import { createServiceDataSource } from '@ogp/persistence';
import {
  freePort,
  Mailbox,
  ReceivedMail,
  SeverableProxy,
  SpawnedService,
  TEST_DATABASE_URL,
  TestIsolation,
  waitFor,
} from '@ogp/testing';
import { DataSource } from 'typeorm';

/**
 * Each e-mail once: the notifications service as a real process sending to a real SMTP server,
 * while its database connection is cut just after a send, while it is killed mid-burst, and with
 * two processes sharing the queue.
 */
describe('e-mail sending: each message once (real Postgres, SMTP, processes)', () => {
  const iso = new TestIsolation();
  let mailbox: Mailbox;
  let db: DataSource;
  const schema = iso.schema('notifications');

  async function service(extra: Record<string, string> = {}): Promise<SpawnedService> {
    return new SpawnedService(
      'notifications',
      iso.env('notifications', {
        HTTP_PORT: String(await freePort()),
        SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
        LOG_LEVEL: 'info',
        ...extra,
      }),
    );
  }

  /** Queues `count` e-mails to addresses of `domain`; returns their notification ids (their Message-IDs). */
  async function queue(count: number, domain: string): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await db.query(
      `INSERT INTO "${schema}".email_queue (id, notification_id, recipient_id, to_address, subject, body, status, language)
       SELECT gen_random_uuid(), n, gen_random_uuid(), 'p' || i || '@${domain}', 'Subject ' || i, 'Body ' || i, 'pending', 'en'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(n, i)`,
      [ids],
    );
    return ids;
  }

  const received = (domain: string): ReceivedMail[] =>
    mailbox.mails.filter((m) => m.to.some((a) => a.endsWith(`@${domain}`)));
  const distinct = (mails: ReceivedMail[]): number => new Set(mails.map((m) => m.messageId)).size;
  const unsent = async (ids: string[]): Promise<number> =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM "${schema}".email_queue WHERE notification_id = ANY($1::uuid[]) AND status <> 'sent'`,
        [ids],
      )
    )[0].n;

  beforeAll(async () => {
    mailbox = new Mailbox(await freePort());
    await mailbox.start();
    db = createServiceDataSource({ url: TEST_DATABASE_URL, schema, entities: [], migrations: [] });
    await db.initialize();
  });

  afterAll(async () => {
    await mailbox?.stop();
    await db?.destroy();
    await iso.cleanup();
  });

  afterEach(() => {
    mailbox.onMail = null;
  });

  it('the database connection is cut just after the SMTP server accepts a message: no message goes out twice, all are marked sent', async () => {
    const proxy = await SeverableProxy.to({
      host: new URL(TEST_DATABASE_URL).hostname,
      port: Number(new URL(TEST_DATABASE_URL).port || 5432),
    });
    const notifications = (await service({ DATABASE_URL: proxy.route(TEST_DATABASE_URL) })).start();
    try {
      await notifications.ready();
      let cut = false;
      mailbox.onMail = (mail) => {
        if (cut || !mail.to.some((a) => a.endsWith('@cut.test'))) return;
        cut = true;
        // Postgres "dies" as the first message is accepted, and comes back 1.5 s later.
        void proxy.cut().then(() => setTimeout(() => void proxy.mend(), 1500));
      };
      const ids = await queue(60, 'cut.test');
      await waitFor(async () => distinct(received('cut.test')) === 60 && (await unsent(ids)) === 0, {
        what: '60 e-mails sent and marked',
        timeoutMs: 60000,
      });
      await new Promise((r) => setTimeout(r, 1500));
      expect(cut).toBe(true);
      expect(received('cut.test')).toHaveLength(60);
      expect(distinct(received('cut.test'))).toBe(60);
    } finally {
      await notifications.stop();
      await proxy.cut();
    }
  }, 120_000);

  it('killed (SIGKILL) in the middle of 1,000 e-mails: after a restart all go out, at most the 3 in flight twice and with the same Message-ID', async () => {
    const lease = { EMAIL_SEND_TIMEOUT_SECONDS: '2', EMAIL_CLAIM_LEASE_SECONDS: '4' };
    const victim = (await service(lease)).start();
    await victim.ready();
    const ids = await queue(1000, 'kill.test');
    await waitFor(() => received('kill.test').length > 60, {
      what: 'the burst under way',
      timeoutMs: 60000,
      intervalMs: 10,
    });
    await victim.kill();
    // Killed mid-burst (1,000 so that a fast machine cannot send them all before the kill lands).
    expect(distinct(received('kill.test'))).toBeLessThan(1000);
    const revived = (await service(lease)).start();
    try {
      await revived.ready();
      await waitFor(async () => distinct(received('kill.test')) === 1000 && (await unsent(ids)) === 0, {
        what: '1,000 e-mails sent and marked',
        timeoutMs: 90000,
      });
      await new Promise((r) => setTimeout(r, 4000));
      const mails = received('kill.test');
      expect(distinct(mails)).toBe(1000);
      expect(mails.length - 1000).toBeLessThanOrEqual(3);
      // A repeat is the same message: same Message-ID, same recipient.
      const byId = new Map<string, string>();
      for (const m of mails) {
        expect(byId.get(m.messageId) ?? m.to[0]).toBe(m.to[0]);
        byId.set(m.messageId, m.to[0]);
      }
      expect([...byId.keys()].sort()).toEqual(ids.map((id) => `<${id}@ogp.platform>`).sort());
    } finally {
      await revived.stop();
    }
  }, 180_000);

  it('two processes sending from the same queue: each of 400 e-mails arrives exactly once', async () => {
    const a = (await service()).start();
    const b = (await service()).start();
    try {
      await Promise.all([a.ready(), b.ready()]);
      const ids = await queue(400, 'pair.test');
      await waitFor(async () => distinct(received('pair.test')) === 400 && (await unsent(ids)) === 0, {
        what: '400 e-mails sent and marked',
        timeoutMs: 90000,
      });
      await new Promise((r) => setTimeout(r, 1500));
      expect(received('pair.test')).toHaveLength(400);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 120_000);

  it('a lease shorter than twice the send timeout is refused at boot', async () => {
    const bad = (await service({ EMAIL_SEND_TIMEOUT_SECONDS: '60', EMAIL_CLAIM_LEASE_SECONDS: '90' })).start();
    try {
      const exit = await Promise.race([
        bad.waitForExit(),
        new Promise<'running'>((r) => setTimeout(() => r('running'), 20000)),
      ]);
      expect(exit).not.toBe('running');
      expect(exit).not.toBe(0);
      expect(bad.output).toContain('EMAIL_CLAIM_LEASE_SECONDS must be at least twice EMAIL_SEND_TIMEOUT_SECONDS');
    } finally {
      await bad.kill();
    }
  }, 30_000);
});
