// Co-creation at scale:
//  1. idea submission through the gateway, sustained (32 concurrent clients, 10 s): ideas/s and
//     p99, then the stored ideas counted against the accepted (201) answers; the participation
//     service reaches Postgres directly, as deployed, with its hourly limit per citizen as shipped
//     (20): each client submits for 64 logged-in citizens in turn, 2,048 in all, so that no one
//     reaches the limit (a citizen submitting hundreds of ideas an hour would be refused);
//  2. the Postgres round trips of each submission, counted at the wire: a second participation
//     process, reaching Postgres through the counting relay, takes submissions for 2 s (the relay
//     is a hop of its own in this process, so the throughput is not measured through it);
//  3. the statistics of a cycle holding 100,000 ideas: time to compute.
require('reflect-metadata');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');
const { SpawnedService, TestIsolation, freePort, TEST_DATABASE_URL } = require('@ogp/testing');
const { PgRoundTrips } = require('./pg-round-trips');
const { cpuSnapshot, jsonClient } = require('./common');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 32;
const CITIZENS_PER_CLIENT = Number(process.env.BENCH_CITIZENS_PER_CLIENT ?? 64);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 5);
const BIG = Number(process.env.BENCH_IDEAS ?? 100000);
const PASSWORD = 'Quiet-river-stones-2026!';

async function main() {
  const iso = new TestIsolation();
  // For the round trips, a relay that counts them per transaction (phase 2).
  const db = new URL(TEST_DATABASE_URL);
  const trips = new PgRoundTrips({ host: db.hostname, port: Number(db.port || 5432) });
  await trips.listen();
  const startParticipation = async (databaseUrl) =>
    new SpawnedService(
      'participation',
      iso.env('participation', {
        HTTP_PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        DB_POOL_SIZE: '20',
        DATABASE_URL: databaseUrl,
      }),
    ).start();
  let participation = await startParticipation(TEST_DATABASE_URL);
  // A cycle belongs to a programme that the commitments service owns and checks.
  const commitments = new SpawnedService(
    'commitments',
    iso.env('commitments', { HTTP_PORT: String(await freePort()), LOG_LEVEL: 'warn', NODE_ENV: 'production' }),
  ).start();
  const port = await freePort();
  const gateway = new SpawnedService(
    'gateway',
    iso.env('gateway', {
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    }),
  ).start();
  const base = `http://127.0.0.1:${port}`;
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  // node:http with kept-alive connections rather than fetch (common.js).
  const json = jsonClient(base, CLIENTS);
  try {
    await Promise.all([participation.ready(), gateway.ready(), commitments.ready()]);
    await pg.connect();
    execFileSync(process.execPath, ['services/gateway/dist/cli/create-admin.js'], {
      env: { ...process.env, ...iso.env('gateway'), ADMIN_EMAIL: 'bench@ogp.ma', ADMIN_PASSWORD: PASSWORD },
    });
    const admin = (await json('POST', '/auth/login', null, { email: 'bench@ogp.ma', password: PASSWORD })).body
      .accessToken;
    const programme = await json('POST', '/programmes', admin, {
      code: 'BENCH',
      kind: 'ogp_national',
      name: { ar: 'برنامج' },
    });
    const now = Date.now();
    const cycle = await json('POST', '/cycles', admin, {
      programmeId: programme.body.id,
      code: 'BENCH',
      title: { ar: 'دورة' },
      phases: [
        {
          kind: 'ideas',
          opensAt: new Date(now - 3600_000).toISOString(),
          closesAt: new Date(now + 86400_000).toISOString(),
        },
      ],
      themes: Array.from({ length: 10 }, (_, i) => ({ number: i + 1, title: { ar: `محور ${i + 1}` } })),
    });
    const cycleId = cycle.body.id;
    const themes = cycle.body.themes.map((t) => t.id);
    // Each citizen registers and logs in (argon2id twice): a few at a time, as many as the clients.
    let t = Date.now();
    const tokens = new Array(CLIENTS * CITIZENS_PER_CLIENT);
    let nextCitizen = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = nextCitizen++; i < tokens.length; i = nextCitizen++) {
          const email = `c${i}@bench.ma`;
          const registered = await json('POST', '/auth/register', null, {
            email,
            password: PASSWORD,
            displayName: `c${i}`,
            role: 'citizen',
          });
          if (registered.status >= 300) throw new Error(`register: ${registered.status}`);
          tokens[i] = (await json('POST', '/auth/login', null, { email, password: PASSWORD })).body.accessToken;
        }
      }),
    );
    console.log(
      `  setup: ${tokens.length} citizens registered and logged in, in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    /** Every client submits ideas for `seconds`; `round` keeps the titles of two runs apart. */
    async function submit(seconds, round) {
      const latencies = [];
      let accepted = 0;
      let refused = 0;
      const deadline = Date.now() + seconds * 1000;
      const started = Date.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          let n = 0;
          while (Date.now() < deadline) {
            const t = process.hrtime.bigint();
            const token = tokens[c * CITIZENS_PER_CLIENT + (n % CITIZENS_PER_CLIENT)];
            const res = await json('POST', '/ideas', token, {
              cycleId,
              themeId: themes[n % 10],
              title: `فكرة ${round}-${c}-${n} حول الشفافية`,
              body: 'اقتراح بنشر المعطيات العمومية بصيغة مفتوحة وقابلة لإعادة الاستعمال.',
            });
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
            if (res.status === 201) accepted += 1;
            else refused += 1;
            n += 1;
          }
        }),
      );
      return { accepted, refused, latencies: latencies.sort((a, b) => a - b), elapsed: (Date.now() - started) / 1000 };
    }

    // Warm-up, not measured: a fresh process runs its code cold for its first few thousand requests.
    const warm = await submit(WARM_UP_SECONDS, 'w');
    const services = { gateway, participation, commitments };
    const cpuBefore = await cpuSnapshot(pg, services, 'participation');
    const { accepted: throughputAccepted, refused, latencies, elapsed } = await submit(SECONDS, 'a');
    const cpuAfter = await cpuSnapshot(pg, services, 'participation');

    // Phase 2: the same submissions through the counting relay, for the round trips only.
    await participation.stop();
    participation = await startParticipation(trips.route(TEST_DATABASE_URL));
    await participation.ready();
    const counted = await submit(2, 'b');
    const accepted = warm.accepted + throughputAccepted + counted.accepted;
    const stored = (
      await pg.query(`SELECT count(*)::int AS n FROM "${iso.schema('participation')}".ideas WHERE cycle_id = $1`, [
        cycleId,
      ])
    ).rows[0].n;
    console.log(
      `idea submission, ${CLIENTS} clients for ${SECONDS} s: ${Math.round(throughputAccepted / elapsed)} ideas/s, p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)].toFixed(1)} ms`,
    );
    console.log(
      `  accepted (201): ${accepted} (${warm.accepted} of them in the ${WARM_UP_SECONDS} s warm-up, ${counted.accepted} through the counting relay), refused: ${warm.refused + refused + counted.refused}, stored: ${stored} -> ${stored === accepted ? 'equal' : 'MISMATCH'}`,
    );
    const perIdea = trips.tripsOf(/INSERT INTO ideas\b/).sort((a, b) => a - b);
    const outboxTrips = trips.tripsOf(/FROM outbox\b/).reduce((sum, n) => sum + n, 0);
    console.log(
      `  Postgres round trips per idea submission: median ${perIdea[Math.floor(perIdea.length / 2)]} (min ${perIdea[0]}, max ${perIdea[perIdea.length - 1]}, ${perIdea.length} submissions counted at the wire); the outbox relay: ${(outboxTrips / Math.max(counted.accepted, 1)).toFixed(2)} per idea`,
    );

    const perProcess = Object.keys(cpuAfter).map(
      (name) => `${name} ${((cpuAfter[name] - (cpuBefore[name] ?? 0)) / Math.max(throughputAccepted, 1)).toFixed(2)}`,
    );
    const total = Object.keys(cpuAfter).reduce((sum, name) => sum + cpuAfter[name] - (cpuBefore[name] ?? 0), 0);
    console.log(
      `  CPU ms per idea (the ${SECONDS} s run): ${perProcess.join(', ')}; in all ${(total / Math.max(throughputAccepted, 1)).toFixed(2)} (load ${require('node:os').loadavg()[0].toFixed(1)})`,
    );

    const s = `"${iso.schema('participation')}"`;
    t = Date.now();
    await pg.query(
      `INSERT INTO ${s}.ideas (id, cycle_id, theme_id, channel, title, body, author_id, search_text, status, published_at)
       SELECT gen_random_uuid(), $1, ($2::uuid[])[1 + n % 10], CASE WHEN n % 4 = 0 THEN 'workshop' ELSE 'portal' END, 'فكرة ' || n, 'نص', 
              CASE WHEN n % 4 = 0 THEN NULL ELSE md5('a' || (n % 20000))::uuid END, 'فكره ' || n,
              (ARRAY['received','accepted','rejected','retained','not_retained'])[1 + n % 5], CASE WHEN n % 3 = 0 THEN now() END
         FROM generate_series(1, $3) n`,
      [cycleId, themes, BIG],
    );
    await pg.query(
      `INSERT INTO ${s}.idea_supports (idea_id, user_id) SELECT id, md5('s' || (row_number() OVER ()) % 5000)::uuid FROM ${s}.ideas WHERE cycle_id = $1 LIMIT 20000 ON CONFLICT DO NOTHING`,
      [cycleId],
    );
    await pg.query(`ANALYZE ${s}.ideas; ANALYZE ${s}.idea_supports`);
    console.log(`setup: ${BIG} more ideas in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const runs = [];
    for (let i = 0; i < 5; i++) {
      t = process.hrtime.bigint();
      const res = await json('GET', `/cycles/${cycleId}/statistics`);
      runs.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (res.status !== 200 || res.body.ideas.total < BIG) throw new Error(`statistics failed: ${res.status}`);
    }
    runs.sort((a, b) => a - b);
    console.log(
      `statistics of a cycle with ${BIG + stored} ideas: median ${runs[2].toFixed(0)} ms (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)}) over 5 requests`,
    );
  } finally {
    await pg.end().catch(() => undefined);
    json.close();
    await Promise.all([gateway.stop(), participation.stop(), commitments.stop()]);
    trips.close();
    await iso.cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
