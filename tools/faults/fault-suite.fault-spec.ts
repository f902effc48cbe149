import { randomUUID } from 'node:crypto';
import { Role } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import { freePort, Mailbox, PrivateServer, SpawnedService, waitFor } from '@ogp/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createGatewayApp } from '../../services/gateway/src/gateway.app';
import { GatewayConfig } from '../../services/gateway/src/gateway.config';
import { UsersService } from '../../services/gateway/src/identity/users.service';
import { REPORTING_SCHEDULES } from '../../services/reporting/src/jobs/job-name.constant';

/**
 * The fault suite (issue 12's regression net). On PRIVATE PostgreSQL, NATS and Redis instances
 * (free ports; the shared 5432/4222/6379 are never touched) it runs the five services as real
 * processes, drives a bounded write load through the gateway (progress reports, ideas, workshop
 * registrations; every write with an Idempotency-Key, retried by its client until answered), and
 * meanwhile: kills each service with SIGKILL and starts it again, kills NATS for 10 s, wipes and
 * restarts Redis, restarts Postgres (immediate shutdown). Then it asserts: no accepted write lost,
 * none done twice, no notification or e-mail twice (a crash may repeat the one e-mail in flight,
 * with the same Message-ID), no answer 500, no valid session refused (401), the schedules back,
 * no report stuck. It prints, per fault, the seconds during which clients saw errors and the statuses.
 *
 *   npx jest -c tools/faults/jest.config.js          # on its own (npm test runs it after jest)
 *   FAULT_RATE=30 ...                                # writes started per second (20-40)
 */
const RATE = Math.min(40, Math.max(5, Number(process.env.FAULT_RATE ?? 25)));
const PASSWORD = 'Faults-net-Qz7#rT9!mW2';
const SYSTEM_ADMIN = {
  id: '00000000-0000-4000-8000-00000000a001',
  roles: ['admin'] as Role[],
  scopes: { institutions: [], programmes: [] },
};
const SERVICES = ['commitments', 'participation', 'notifications', 'reporting', 'gateway'] as const;
type ServiceName = (typeof SERVICES)[number];
const DAY = 86_400_000;
const CITIZENS = 30;
const WORKSHOPS = 50;
/** How long a client keeps retrying one write before it gives up. */
const GIVE_UP_MS = 90_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of our own API, read loosely by a test
type Json = any;

type Kind = 'progress' | 'idea' | 'registration' | 'report';
interface Attempt {
  at: number;
  status: number | string;
}
interface Op {
  kind: Kind;
  key: string;
  marker: string;
  who: string;
  workshopId?: string;
  userId?: string;
  attempts: Attempt[];
  /** 2xx (first or replayed answer). */
  accepted: boolean;
  /** Answered 4xx other than the retryable ones: refused, not retried. */
  refused: boolean;
  gaveUp: boolean;
  body?: { id?: string };
}
interface Phase {
  name: string;
  start: number;
  end: number;
}

describe('fault suite: kill, cut, wipe and restart under a write load (private servers)', () => {
  let pg: PrivateServer;
  let nats: PrivateServer;
  let redis: PrivateServer;
  let mailbox: Mailbox;
  const services = new Map<ServiceName, SpawnedService>();
  const ports = new Map<ServiceName, number>();
  const jwtSecret = randomUUID() + randomUUID();
  let gatewayUrl = '';
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const citizens: { email: string; id: string }[] = [];
  const workshops: string[] = [];
  const ops: Op[] = [];
  const phases: Phase[] = [];
  const mailTimes: { at: number; messageId: string }[] = [];
  let db: Client;

  function env(name: ServiceName): Record<string, string> {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: pg.url,
      NATS_URL: nats.url,
      REDIS_URL: redis.url,
      NATS_PREFIX: 'faults',
      DB_SCHEMA: name,
      HTTP_PORT: String(ports.get(name)),
      DB_POOL_SIZE: '5',
      JWT_SECRET: jwtSecret,
      SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      IDEA_RATE_LIMIT_PER_HOUR: '100000',
      EMAIL_SEND_TIMEOUT_SECONDS: '5',
      EMAIL_CLAIM_LEASE_SECONDS: '10',
      REPORT_RECONCILE_INTERVAL_MS: '2000',
      REPORT_MAX_SECONDS: '20',
      SCHEDULE_CHECK_INTERVAL_MS: '2000',
    };
  }

  async function startService(name: ServiceName): Promise<void> {
    const s = new SpawnedService(name, { ...env(name), LOG_LEVEL: name === 'reporting' ? 'debug' : 'warn' }).start();
    services.set(name, s);
    await s.ready(90_000);
  }

  async function call(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: Json; retryAfter: string | null }> {
    const res = await fetch(`${gatewayUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // kept as text
    }
    return { status: res.status, body: parsed, retryAfter: res.headers.get('retry-after') };
  }

  async function fixture(method: string, path: string, token: string, body: unknown): Promise<Json> {
    const key = randomUUID();
    for (let i = 0; ; i++) {
      const res = await call(method, path, token || null, body, key).catch((err: Error) => ({
        status: 0,
        body: err.message,
        retryAfter: null,
      }));
      if (res.status >= 200 && res.status < 300) return res.body;
      if (i > 20 || (res.status >= 400 && res.status < 500 && res.status !== 409))
        throw new Error(`fixture ${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async function login(email: string): Promise<string> {
    return (await fixture('POST', '/auth/login', '', { email, password: PASSWORD })).accessToken;
  }

  /** One write as a careful client does it: the same Idempotency-Key on every attempt, retried on 5xx, 409 (still running) and network errors. */
  async function write(op: Op, method: string, path: string, token: string, body: unknown): Promise<void> {
    ops.push(op);
    const started = Date.now();
    for (;;) {
      let status: number | string;
      let retryAfter: string | null = null;
      let answer: Json;
      try {
        const res = await call(method, path, token, body, op.key);
        status = res.status;
        retryAfter = res.retryAfter;
        answer = res.body;
      } catch (err) {
        status = (err as Error).name === 'TimeoutError' ? 'timeout' : 'network';
      }
      op.attempts.push({ at: Date.now(), status });
      if (typeof status === 'number' && status >= 200 && status < 300) {
        op.accepted = true;
        op.body = answer;
        return;
      }
      const retryable =
        typeof status === 'string' || status >= 500 || status === 409 || status === 429 || status === 401;
      if (!retryable) {
        op.refused = true;
        return;
      }
      if (Date.now() - started > GIVE_UP_MS) {
        op.gaveUp = true;
        return;
      }
      // Retry-After when given (at most 2 s), else backing off from 250 ms to 2 s.
      const backoff = Math.min(2000, 250 * 2 ** Math.min(3, op.attempts.length - 1));
      const wait = retryAfter ? Math.min(2000, Number(retryAfter) * 1000) : backoff;
      await new Promise((r) => setTimeout(r, Number.isFinite(wait) && wait > 0 ? wait : backoff));
    }
  }

  let pair = 0;
  let seq = 0;
  function nextOp(): Promise<void> | null {
    const n = seq++;
    const kind: Kind = n % 200 === 199 ? 'report' : (['progress', 'idea', 'registration'] as const)[n % 3];
    const marker = `fault-${randomUUID()}`;
    const op: Op = {
      kind,
      key: randomUUID(),
      marker,
      who: '',
      attempts: [],
      accepted: false,
      refused: false,
      gaveUp: false,
    };
    if (kind === 'progress') {
      op.who = 'pm1';
      const body = {
        activityId: ids.activity,
        progress: n % 100,
        reportedOn: new Date(Date.now() - DAY).toISOString().slice(0, 10),
        results: { ar: marker },
      };
      return write(op, 'POST', `/commitments/${ids.commitment}/progress`, tokens.pm1, body);
    }
    if (kind === 'idea') {
      const c = citizens[n % CITIZENS];
      op.who = c.email;
      return write(op, 'POST', '/ideas', tokens[c.email], {
        cycleId: ids.cycle,
        themeId: ids.theme,
        title: `فكرة ${marker}`,
        body: `نص الفكرة بتفصيل كاف ${marker}`,
      });
    }
    if (kind === 'registration') {
      if (pair >= CITIZENS * WORKSHOPS) return null;
      const c = citizens[pair % CITIZENS];
      const w = workshops[Math.floor(pair / CITIZENS)];
      pair += 1;
      op.who = c.email;
      op.workshopId = w;
      op.userId = c.id;
      return write(op, 'POST', `/workshops/${w}/registrations`, tokens[c.email], {});
    }
    op.who = 'coordinator';
    return write(op, 'POST', '/reports', tokens.coordinator, { kind: 'activities', format: 'json', planId: ids.plan });
  }

  async function phase(name: string, run: () => Promise<void>): Promise<void> {
    const p: Phase = { name, start: Date.now(), end: 0 };
    phases.push(p);
    process.stdout.write(`[faults] ${name}\n`);
    await run();
    p.end = Date.now();
  }

  async function allReady(): Promise<void> {
    await Promise.all([...services.values()].map((s) => s.ready(90_000)));
  }

  async function restartPostgresReady(): Promise<void> {
    await waitFor(
      async () => {
        const c = new Client({ connectionString: pg.url });
        try {
          await c.connect();
          await c.query('SELECT 1');
          return true;
        } catch {
          return false;
        } finally {
          await c.end().catch(() => undefined);
        }
      },
      { timeoutMs: 30_000, what: 'postgres accepting queries', intervalMs: 200 },
    );
  }

  beforeAll(async () => {
    [pg, nats, redis] = await Promise.all([PrivateServer.postgres(), PrivateServer.nats(), PrivateServer.redis()]);
    await restartPostgresReady();
    mailbox = new Mailbox(await freePort());
    mailbox.onMail = (mail) => mailTimes.push({ at: Date.now(), messageId: mail.messageId });
    await mailbox.start();
    for (const name of SERVICES) ports.set(name, await freePort());
    gatewayUrl = `http://127.0.0.1:${ports.get('gateway')}`;
    // The first staff accounts, as the platform's own CLI makes them (the gateway's users service, in process).
    const { app } = await createGatewayApp(
      loadConfig(GatewayConfig, { ...env('gateway'), HTTP_PORT: '0' }),
      createLogger('gateway', 'error'),
    );
    for (const role of ['admin', 'coordinator'] as Role[])
      await app.get(UsersService).createByStaff(SYSTEM_ADMIN, {
        email: `${role}@faults.ma`,
        password: PASSWORD,
        displayName: role,
        roles: [role],
      });
    await app.close();
    await Promise.all(SERVICES.map((s) => startService(s)));
    db = new Client({ connectionString: pg.url });
    await db.connect();
    db.on('error', () => undefined);

    tokens.admin = await login('admin@faults.ma');
    tokens.coordinator = await login('coordinator@faults.ma');
    ids.programme = (
      await fixture('POST', '/programmes', tokens.coordinator, {
        code: 'FAULTS',
        kind: 'ogp_national',
        name: { ar: 'برنامج' },
      })
    ).id;
    ids.institution = (
      await fixture('POST', '/institutions', tokens.coordinator, {
        code: 'FAULTS-INST',
        kind: 'ministry',
        name: { ar: 'وزارة' },
      })
    ).id;
    for (const pm of ['pm1', 'pm2']) {
      await fixture('POST', '/accounts', tokens.admin, {
        email: `${pm}@faults.ma`,
        password: PASSWORD,
        displayName: pm,
        roles: ['project_manager'],
        scopes: { institutions: [ids.institution], programmes: [ids.programme] },
      });
      tokens[pm] = await login(`${pm}@faults.ma`);
    }
    ids.plan = (
      await fixture('POST', '/plans', tokens.coordinator, {
        programmeId: ids.programme,
        code: 'FAULTS-PLAN',
        title: { ar: 'خطة' },
        startDate: '2026-01-01',
        endDate: '2027-12-31',
      })
    ).id;
    ids.area = (
      await fixture('POST', '/areas', tokens.coordinator, {
        planId: ids.plan,
        code: 'FAULTS-AREA',
        title: { ar: 'محور' },
      })
    ).id;
    const commitment = await fixture('POST', `/plans/${ids.plan}/commitments`, tokens.coordinator, {
      number: 1,
      areaId: ids.area,
      leadInstitutionId: ids.institution,
      title: { ar: 'التزام' },
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      ogpValues: ['access_to_information'],
      activities: [{ title: { ar: 'نشاط' }, startDate: '2026-01-01', endDate: '2027-06-30' }],
    });
    ids.commitment = commitment.id;
    ids.activity = commitment.activities[0].id;
    const cycle = await fixture('POST', '/cycles', tokens.coordinator, {
      programmeId: ids.programme,
      code: 'FAULTS-CYCLE',
      title: { ar: 'دورة' },
      phases: [
        {
          kind: 'ideas',
          opensAt: new Date(Date.now() - DAY).toISOString(),
          closesAt: new Date(Date.now() + 60 * DAY).toISOString(),
        },
      ],
      themes: [{ number: 1, title: { ar: 'موضوع' } }],
    });
    ids.cycle = cycle.id;
    ids.theme = cycle.themes[0].id;
    for (let i = 0; i < WORKSHOPS; i++) {
      workshops.push(
        (
          await fixture('POST', '/workshops', tokens.coordinator, {
            cycleId: ids.cycle,
            themeId: ids.theme,
            number: i + 1,
            title: { ar: `لقاء ${i + 1}` },
            organiser: 'جمعية',
            institutions: [],
            startsAt: new Date(Date.now() + 20 * DAY).toISOString(),
            registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
            registrationClosesAt: new Date(Date.now() + 19 * DAY).toISOString(),
            capacity: 1000,
          })
        ).id,
      );
    }
    for (let i = 0; i < CITIZENS; i++) {
      const email = `citizen${i}@faults.ma`;
      const me = await fixture('POST', '/auth/register', '', {
        email,
        password: PASSWORD,
        displayName: `مواطن ${i}`,
        role: 'citizen',
        language: 'ar',
      });
      tokens[email] = await login(email);
      citizens.push({ email, id: me.id ?? me.user?.id });
    }
    for (const c of citizens) if (!c.id) c.id = (await call('GET', '/me', tokens[c.email])).body.id;
  }, 300_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await Promise.all([...services.values()].map((s) => s.stop()));
    await mailbox?.stop();
    await Promise.all([pg, nats, redis].map((s) => s?.stop()));
  });

  it('loses no accepted write, does none twice, sends nothing twice, answers no 500 and refuses no valid session', async () => {
    // The load: RATE writes started per second, each retried by its client until answered.
    const inFlight = new Set<Promise<void>>();
    let loading = true;
    const loader = (async () => {
      const started = Date.now();
      let issued = 0;
      while (loading) {
        const due = Math.floor(((Date.now() - started) / 1000) * RATE);
        while (issued < due) {
          issued += 1;
          const p = nextOp();
          if (p) {
            inFlight.add(p);
            void p.finally(() => inFlight.delete(p));
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    await phase('warm-up', () => new Promise((r) => setTimeout(r, 4000)));
    for (const name of SERVICES) {
      await phase(`kill -9 ${name}`, async () => {
        await services.get(name)!.kill();
        await new Promise((r) => setTimeout(r, 1000));
        await startService(name);
        await new Promise((r) => setTimeout(r, 3000));
      });
    }
    await phase('NATS killed 10 s', async () => {
      await nats.kill();
      await new Promise((r) => setTimeout(r, 10_000));
      await nats.start();
      await allReady();
      await new Promise((r) => setTimeout(r, 3000));
    });
    let schedulesWiped = false;
    await phase('Redis wiped and restarted', async () => {
      const admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
      await admin.flushall();
      schedulesWiped = (await admin.keys('faults:bull:reporting:repeat*')).length === 0;
      admin.disconnect();
      await redis.kill();
      await redis.start();
      await new Promise((r) => setTimeout(r, 4000));
    });
    await phase('Postgres restarted', async () => {
      await pg.kill();
      await pg.start();
      await restartPostgresReady();
      await new Promise((r) => setTimeout(r, 5000));
    });
    loading = false;
    await loader;
    await phase('load drained', async () => {
      while (inFlight.size > 0) await Promise.race([...inFlight]);
    });
    const loadEnd = Date.now();

    // Let the events run out: the outboxes relayed, the e-mails sent.
    await db.end().catch(() => undefined);
    db = new Client({ connectionString: pg.url });
    await db.connect();
    await waitFor(
      async () => {
        const [{ n }] = (
          await db.query(
            `SELECT (SELECT count(*) FROM commitments.outbox WHERE published_at IS NULL) + (SELECT count(*) FROM participation.outbox WHERE published_at IS NULL)
                  + (SELECT count(*) FROM notifications.email_queue WHERE status IN ('pending', 'batched'))::int AS n`,
          )
        ).rows;
        return Number(n) === 0;
      },
      { timeoutMs: 90_000, what: 'outboxes relayed and e-mails sent', intervalMs: 500 },
    );
    await new Promise((r) => setTimeout(r, 2000));

    // What the clients were told, against what the databases hold.
    const markers = async (sql: string): Promise<Map<string, number>> =>
      new Map((await db.query(sql)).rows.map((r: { m: string; n: number }) => [r.m, Number(r.n)]));
    const progress = await markers(
      `SELECT results->>'ar' AS m, count(*) AS n FROM commitments.progress_reports WHERE results->>'ar' LIKE 'fault-%' GROUP BY 1`,
    );
    const ideas = await markers(
      `SELECT substring(title from 'fault-[0-9a-f-]+') AS m, count(*) AS n FROM participation.ideas WHERE title LIKE '%fault-%' GROUP BY 1`,
    );
    const registrations = await markers(
      `SELECT workshop_id || ':' || user_id AS m, count(*) AS n FROM participation.registrations WHERE status = 'confirmed' GROUP BY 1`,
    );
    const stored = (op: Op): number => {
      if (op.kind === 'progress') return progress.get(op.marker) ?? 0;
      if (op.kind === 'idea') return ideas.get(op.marker) ?? 0;
      if (op.kind === 'registration') return registrations.get(`${op.workshopId}:${op.userId}`) ?? 0;
      return 1;
    };
    const writes = ops.filter((o) => o.kind !== 'report');
    const accepted = writes.filter((o) => o.accepted);
    const lost = accepted.filter((o) => stored(o) === 0);
    const twice = writes.filter((o) => stored(o) > 1);
    const phantoms = writes.filter((o) => !o.accepted && stored(o) > 0);
    const refused = writes.filter((o) => o.refused);
    const gaveUp = writes.filter((o) => o.gaveUp);
    const statuses = ops.flatMap((o) => o.attempts);
    const answered500 = statuses.filter((a) => a.status === 500).length;
    const answered401 = statuses.filter((a) => a.status === 401).length;

    const [notes] = (
      await db.query(
        `SELECT count(*)::int AS n, count(DISTINCT (event_id, recipient_id, channel))::int AS distinct_n FROM notifications.notifications`,
      )
    ).rows;
    const mailIds = mailbox.mails.map((m) => m.messageId);
    const mailRepeats = mailIds.length - new Set(mailIds).size;
    const [emails] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*)::int AS n FROM notifications.email_queue`,
      )
    ).rows;

    // Schedules back, and no report left queued or running.
    const queue = new Queue('reporting', {
      connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
      prefix: 'faults:bull',
    });
    let schedules: string[] = [];
    await waitFor(
      async () => {
        schedules = (await queue.getJobSchedulers(0, 100)).map((s) => s.key).sort();
        return schedules.length === REPORTING_SCHEDULES.length;
      },
      { timeoutMs: 30_000, what: 'the schedules back', intervalMs: 500 },
    ).catch(() => undefined);
    await queue.close();
    let stuck: { id: string; status: string }[] = [];
    await waitFor(
      async () => {
        stuck = (
          await db.query(
            `SELECT id, status, requeues, error, created_at FROM reporting.reports WHERE status IN ('queued', 'running')`,
          )
        ).rows;
        return stuck.length === 0;
      },
      { timeoutMs: 90_000, what: 'no report queued or running', intervalMs: 1000 },
    ).catch(() => undefined);
    const [reports] = (
      await db.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM reporting.reports`,
      )
    ).rows;

    // Per fault: the seconds in which some client saw an error, and every status seen.
    const rows: string[] = [];
    const pad = (s: string | number, n: number) => String(s).padEnd(n);
    rows.push(
      `${pad('fault', 28)}${pad('duration s', 12)}${pad('error s', 9)}${pad('first→last error s', 20)}${pad('mail repeats', 14)}statuses`,
    );
    const seenIds = new Set<string>();
    const repeatsAt = mailTimes
      .filter((m) => (seenIds.has(m.messageId) ? true : (seenIds.add(m.messageId), false)))
      .map((m) => m.at);
    for (const p of phases) {
      const end = p.end || loadEnd;
      const inPhase = statuses.filter((a) => a.at >= p.start && a.at < end);
      const errors = inPhase.filter((a) => typeof a.status !== 'number' || a.status >= 400);
      const seconds = new Set(errors.map((a) => Math.floor(a.at / 1000))).size;
      const span = errors.length
        ? ((Math.max(...errors.map((e) => e.at)) - Math.min(...errors.map((e) => e.at))) / 1000).toFixed(1)
        : '0';
      const counts = new Map<string, number>();
      for (const a of inPhase) counts.set(String(a.status), (counts.get(String(a.status)) ?? 0) + 1);
      const seen = [...counts]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      const repeats = repeatsAt.filter(
        (at) => at >= p.start && at < (p.name === 'load drained' ? Infinity : end),
      ).length;
      rows.push(
        `${pad(p.name, 28)}${pad(((end - p.start) / 1000).toFixed(1), 12)}${pad(seconds, 9)}${pad(span, 20)}${pad(repeats, 14)}${seen}`,
      );
    }
    const summary = {
      writes: writes.length,
      accepted: accepted.length,
      lost: lost.length,
      doneTwice: twice.length,
      phantoms: phantoms.length,
      refused: refused.length,
      gaveUp: gaveUp.length,
      answered500,
      answered401,
      notifications: notes.n,
      notificationsTwice: notes.n - notes.distinct_n,
      emailsQueued: emails.n,
      emailsSent: emails.sent,
      mailsReceived: mailIds.length,
      mailRepeatsSameMessageId: mailRepeats,
      schedules: `${schedules.length}/${REPORTING_SCHEDULES.length}${schedulesWiped ? ' (wiped, put back)' : ''}`,
      reports: `${reports.n} (${reports.done} done, ${reports.failed} failed, ${stuck.length} stuck)`,
    };
    process.stdout.write(
      `\n[faults] per fault (load ${RATE} writes/s)\n${rows.join('\n')}\n\n[faults] summary\n${Object.entries(summary)
        .map(([k, v]) => `  ${pad(k, 26)}${v}`)
        .join('\n')}\n`,
    );
    if (stuck.length) {
      process.stdout.write(`[faults] reports stuck: ${JSON.stringify(stuck)}\n`);
      const lines = services
        .get('reporting')!
        .output.split('\n')
        .filter((l) => stuck.some((s) => l.includes(s.id)) || /reconcil|lost|compared|job/.test(l));
      process.stdout.write(`[faults] reporting said:\n${lines.slice(-40).join('\n')}\n`);
    }
    const notificationsSaid = [...services.values()]
      .filter((s) => s.service === 'notifications')
      .flatMap((s) => s.output.split('\n'))
      .filter((l) => /claim|timed out|e-mail/.test(l));
    if (mailRepeats) process.stdout.write(`[faults] notifications said:\n${notificationsSaid.slice(-20).join('\n')}\n`);
    if (refused.length)
      process.stdout.write(
        `[faults] refused, e.g.: ${JSON.stringify(refused.slice(0, 3).map((o) => ({ kind: o.kind, attempts: o.attempts.map((a) => a.status) })))}\n`,
      );
    if (twice.length)
      process.stdout.write(
        `[faults] done twice, e.g.: ${JSON.stringify(twice.slice(0, 3).map((o) => ({ kind: o.kind, attempts: o.attempts.map((a) => a.status) })))}\n`,
      );
    if (lost.length)
      process.stdout.write(
        `[faults] lost, e.g.: ${JSON.stringify(lost.slice(0, 3).map((o) => ({ kind: o.kind, attempts: o.attempts.map((a) => a.status) })))}\n`,
      );

    expect(accepted.length).toBeGreaterThan(writes.length * 0.95);
    expect(lost).toHaveLength(0);
    expect(twice).toHaveLength(0);
    expect(answered500).toBe(0);
    expect(answered401).toBe(0);
    expect(summary.notificationsTwice).toBe(0);
    // A crash may repeat the e-mails in flight (3 at most per kill of notifications), always with their Message-ID.
    expect(mailRepeats).toBeLessThanOrEqual(3);
    expect(emails.sent).toBe(
      emails.n -
        Number(
          (
            await db.query(
              `SELECT count(*)::int AS n FROM notifications.email_queue WHERE status IN ('digest','digested','grouped','dead')`,
            )
          ).rows[0].n,
        ),
    );
    expect(schedules).toEqual(REPORTING_SCHEDULES.map((s) => s.key).sort());
    expect(stuck).toEqual([]);
  }, 600_000);
});
