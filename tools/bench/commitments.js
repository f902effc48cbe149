// Progress at scale: a plan of 1,000 commitments x 100 activities (100,000 activities).
//  1. time from one progress report (HTTP, through the gateway) to the new commitment and plan
//     progress being readable, compared with a plan of 10 commitments: the cost should follow
//     the commitment's size, not the plan's;
//  2. the public read of that plan's dashboard, 64 connections: requests/s and p99.
// The large plan is generated with SQL (the setup is not what is measured); the roll-up columns
// are set as the service keeps them.
require('reflect-metadata');
const { randomUUID } = require('node:crypto');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { SpawnedService, TestIsolation, freePort, TEST_DATABASE_URL } = require('@ogp/testing');
const { PgRoundTrips } = require('./pg-round-trips');
const { cpuSnapshot, jsonClient } = require('./common');
const { execFileSync } = require('node:child_process');

const COMMITMENTS = Number(process.env.BENCH_COMMITMENTS ?? 1000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 100);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
// Reports before the measured ones, on each plan: a fresh process's first thousand run its code cold
// (p50 of successive windows of 250 reports from start: 20.6, 17.6, 15.4, 17.0, then 9.6, 9.3, 10.0 ms).
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 1000);
// BENCH_PG_TRIPS=1: the commitments service reaches Postgres through a relay that counts round trips
// and times them (the relay costs time of its own: the p50s of such a run are not the figure).
const TRIPS = process.env.BENCH_PG_TRIPS === '1';

async function generate(pg, schema, programmeId, institutionId, code, commitments, activities) {
  const planId = randomUUID();
  const areaId = randomUUID();
  await pg.query(
    `INSERT INTO ${schema}.plans (id, programme_id, code, title, start_date, end_date, status, weight_sum) VALUES ($1, $2, $3, '{"ar":"خطة"}', '2024-01-01', '2026-12-31', 'in_implementation', $4)`,
    [planId, programmeId, code, commitments],
  );
  await pg.query(
    `INSERT INTO ${schema}.areas (id, plan_id, code, title, weight_sum) VALUES ($1, $2, 'A', '{"ar":"محور"}', $3)`,
    [areaId, planId, commitments],
  );
  await pg.query(
    `INSERT INTO ${schema}.commitments (id, plan_id, area_id, number, title, start_date, end_date, lead_institution_id, search_text)
     SELECT gen_random_uuid(), $1, $2, n, jsonb_build_object('ar', 'الالتزام ' || n), '2024-01-01', '2026-12-31', $3, 'الالتزام ' || n FROM generate_series(1, $4) n`,
    [planId, areaId, institutionId, commitments],
  );
  await pg.query(
    `INSERT INTO ${schema}.activities (id, commitment_id, position, title, start_date, end_date, weight)
     SELECT gen_random_uuid(), c.id, k, jsonb_build_object('ar', 'نشاط ' || k), '2024-01-01', date '2024-06-01' + (k * 7), 1 + (k % 5)
       FROM ${schema}.commitments c, generate_series(1, $2) k WHERE c.plan_id = $1`,
    [planId, activities],
  );
  await pg.query(`ANALYZE ${schema}.activities; ANALYZE ${schema}.commitments`);
  return planId;
}

/** The card read (the report's answer) and the plan read, told apart by their text. */
const CARD_READ = /^SELECT s\.\*, c\.card/;
const PLAN_READ = /^SELECT pl\.id/;

/** The outbox relay's own transactions (woken by the report's commit, in the same process). */
const RELAY = /FROM outbox\s+WHERE\s+published_at IS NULL/;

/**
 * Round trips per report (its transaction, then the reads of the answer and of the plan; the
 * outbox relay's apart), the median time of each step, and the steps of the median sample.
 */
function printTrips(label, samples) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const phases = samples.map((sample) => {
    const own = sample.transactions.filter((t) => !RELAY.test(t.text));
    const tx = own.find((t) => /^(START TRANSACTION|BEGIN)/.test(t.text));
    const reads = own.filter((t) => t !== tx).flatMap((t) => t.steps);
    const first = tx.steps[0];
    const commit = tx.steps[tx.steps.length - 1];
    const end = sample.start + sample.ms;
    // The answer's card is read after the commit, or in the commit's own message (then no read of its own).
    const view = reads.find((s) => CARD_READ.test(s.text));
    const plan = reads.find((s) => PLAN_READ.test(s.text));
    const answered = view ? view.ready : commit.ready;
    const wait = (steps) => steps.reduce((n, s) => n + ((s.ready ?? s.sent) - s.sent), 0);
    return {
      trips: own.reduce((n, t) => n + t.trips, 0),
      txTrips: tx.trips,
      relayTrips: sample.transactions.filter((t) => RELAY.test(t.text)).reduce((n, t) => n + t.trips, 0),
      in: first.sent - sample.start,
      tx: commit.ready - first.sent,
      txPg: wait(tx.steps),
      view: view ? view.ready - commit.ready : 0,
      viewPg: view ? wait([view]) : 0,
      between: plan ? plan.sent - answered : NaN,
      planPg: plan ? wait([plan]) : NaN,
      out: plan ? end - plan.ready : NaN,
      total: sample.ms,
      sample,
    };
  });
  const m = (k) => median(phases.map((p) => p[k])).toFixed(2);
  console.log(
    `${label.padEnd(34)} Postgres round trips per report and read: ${m('trips').replace('.00', '')} (the report's transaction ${m('txTrips').replace('.00', '')}, then ${Number(m('trips')) - Number(m('txTrips'))} reads); outbox relay beside them: ${m('relayTrips').replace('.00', '')}`,
  );
  console.log(
    `    medians, ms: POST to BEGIN ${m('in')} | transaction ${m('tx')} (Postgres ${m('txPg')}) | COMMIT to answer read ${m('view')} (Postgres ${m('viewPg')}; 0 when read with the commit) | answer to plan read sent ${m('between')} | plan read Postgres ${m('planPg')} | plan read to answer ${m('out')} | total ${m('total')}`,
  );
  const mid = [...phases].sort((a, b) => a.total - b.total)[Math.floor(phases.length / 2)].sample;
  const steps = mid.transactions.flatMap((t) => t.steps).sort((a, b) => a.sent - b.sent);
  console.log(`    the median sample (${mid.ms.toFixed(2)} ms), statement by statement:`);
  let last = null;
  for (const s of steps) {
    const gap = last === null ? 0 : s.sent - last;
    const wait = (s.ready ?? s.sent) - s.sent;
    console.log(
      `    at ${(s.sent - mid.start).toFixed(2).padStart(6)} ms  c${String(s.conn).padEnd(3)} +${gap.toFixed(2).padStart(6)} ms client, ${wait.toFixed(2).padStart(6)} ms pg  ${s.text.replace(/\s+/g, ' ').slice(0, 110) || '(prepared)'}`,
    );
    last = Math.max(last ?? 0, s.ready ?? s.sent);
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const iso = new TestIsolation();
  const db = new URL(TEST_DATABASE_URL);
  const trips = TRIPS ? new PgRoundTrips({ host: db.hostname, port: Number(db.port || 5432) }) : null;
  if (trips) await trips.listen();
  const commitments = new SpawnedService(
    'commitments',
    iso.env('commitments', {
      HTTP_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...(trips ? { DATABASE_URL: trips.route(TEST_DATABASE_URL) } : {}),
    }),
  ).start();
  const port = await freePort();
  const gateway = new SpawnedService(
    'gateway',
    iso.env('gateway', {
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    }),
  ).start();
  const base = `http://127.0.0.1:${port}`;
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  try {
    await Promise.all([commitments.ready(), gateway.ready()]);
    await pg.connect();
    // A coordinator account, created as an operator would (the create-admin CLI path is the same service).
    execFileSync(process.execPath, ['services/gateway/dist/cli/create-admin.js'], {
      env: {
        ...process.env,
        ...iso.env('gateway'),
        ADMIN_EMAIL: 'bench@ogp.ma',
        ADMIN_PASSWORD: 'Quiet-river-stones-2026!',
      },
    });
    const token = (
      await (
        await fetch(`${base}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'bench@ogp.ma', password: 'Quiet-river-stones-2026!' }),
        })
      ).json()
    ).accessToken;
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const post = async (path, body) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const programme = await post('/programmes', { code: 'BENCH', kind: 'national_strategy', name: { ar: 'برنامج' } });
    const institution = await post('/institutions', { code: 'MIN', kind: 'ministry', name: { ar: 'وزارة' } });
    const schema = `"${iso.schema('commitments')}"`;
    let t = Date.now();
    const bigPlan = await generate(pg, schema, programme.id, institution.id, 'BIG', COMMITMENTS, ACTIVITIES);
    const smallPlan = await generate(pg, schema, programme.id, institution.id, 'SMALL', 10, ACTIVITIES);
    console.log(
      `setup: ${COMMITMENTS} commitments x ${ACTIVITIES} activities (${COMMITMENTS * ACTIVITIES} activities) + a 10-commitment plan, in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );

    // One client, one kept-alive connection, node:http (common.js): the figure is the platform's time.
    const json = jsonClient(base, 1);
    // CPU of every process on the path (common.js), per report and read.
    const services = { 'commitments service': commitments, gateway };
    async function reportToReadable(planId, label) {
      const ids = (
        await pg.query(
          `SELECT c.id, (SELECT a.id FROM ${schema}.activities a WHERE a.commitment_id = c.id ORDER BY position LIMIT 1) AS activity FROM ${schema}.commitments c WHERE plan_id = $1`,
          [planId],
        )
      ).rows;
      // Warm-up, not measured: the first reports of a fresh process run cold code (lazy compilation,
      // first prepared statements); the figure is the steady state a running platform answers in.
      for (let i = 0; i < WARM_UP; i++) {
        const { id, activity } = ids[(SAMPLES + i) % ids.length];
        const report = { activityId: activity, progress: 1 + (i % 99), reportedOn: '2024-06-01' };
        await json('POST', `/commitments/${id}/progress`, token, report);
        await json('GET', `/plans/${planId}`);
      }
      const times = [];
      const [reports, reads] = [[], []];
      const cpuBefore = await cpuSnapshot(pg, services, 'commitments');
      const perSample = []; // the relay's transactions (and lone statements) of each sample
      for (let i = 0; i < SAMPLES; i++) {
        const seen = trips?.transactions.length ?? 0;
        const { id, activity } = ids[i % ids.length];
        const progress = 1 + (i % 99);
        const start = process.hrtime.bigint();
        const res = await json('POST', `/commitments/${id}/progress`, token, {
          activityId: activity,
          progress,
          reportedOn: '2024-06-01',
        });
        const answered = process.hrtime.bigint();
        const plan = (await json('GET', `/plans/${planId}`)).body;
        const end = process.hrtime.bigint();
        const ms = Number(end - start) / 1e6;
        if (res.status !== 201 || typeof res.body?.progress !== 'number' || typeof plan?.progress !== 'number')
          throw new Error(`report failed: ${res.status}`);
        times.push(ms);
        reports.push(Number(answered - start) / 1e6);
        reads.push(Number(end - answered) / 1e6);
        if (trips) {
          await new Promise((r) => setTimeout(r, 5)); // the last ReadyForQuery may still be on its way
          perSample.push({ ms, start: Number(start) / 1e6, transactions: trips.transactions.slice(seen) });
        }
      }
      const cpuAfter = await cpuSnapshot(pg, services, 'commitments');
      const cpu = Object.entries(cpuAfter).map(([name, ms]) => [name, (ms - cpuBefore[name]) / SAMPLES]);
      console.log(
        `${label.padEnd(34)} CPU per report and read: ${cpu.map(([name, ms]) => `${name} ${ms.toFixed(2)} ms`).join(', ')}; in all ${cpu.reduce((sum, [, ms]) => sum + ms, 0).toFixed(2)} ms`,
      );
      const [report, read] = [reports, reads].map((xs) =>
        percentile(
          xs.sort((a, b) => a - b),
          50,
        ).toFixed(1),
      );
      console.log(
        `${label.padEnd(34)} p50 of its parts: the report (POST, answered with the card) ${report} ms, then the plan (GET) ${read} ms`,
      );
      if (trips) printTrips(label, perSample);
      times.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms   (${SAMPLES} reports; target p50 < 20 ms)`,
      );
    }
    console.log('report -> commitment and plan progress readable (POST report, then GET plan):');
    await reportToReadable(smallPlan, `  plan of 10 commitments`);
    await reportToReadable(bigPlan, `  plan of ${COMMITMENTS} commitments`);
    json.close();
    // The plan's progress must equal the mean of its commitments after all those reports.
    const check = (
      await pg.query(`SELECT avg(progress)::float8 AS mean FROM ${schema}.commitments WHERE plan_id = $1`, [bigPlan])
    ).rows[0].mean;
    const plan = await (await fetch(`${base}/plans/${bigPlan}`)).json();
    console.log(`  check: plan progress ${plan.progress} = mean of commitments ${check.toFixed(2)}`);

    const url = `${base}/plans/${bigPlan}/dashboard`;
    await new Promise((r) => autocannon({ url, connections: 8, duration: 2 }, r));
    const result = await new Promise((resolve, reject) =>
      autocannon({ url, connections: 64, duration: Number(process.env.BENCH_SECONDS ?? 10) }, (e, r) =>
        e ? reject(e) : resolve(r),
      ),
    );
    console.log(
      `dashboard of the ${COMMITMENTS * ACTIVITIES}-activity plan, 64 connections: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`,
    );
  } finally {
    await pg.end().catch(() => undefined);
    await Promise.all([gateway.stop(), commitments.stop()]);
    trips?.close();
    await iso.cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
