// Read part: public reads against a bare Fastify process returning the same bodies, and an
// authenticated read (a project manager reading a commitment card of their institution) against
// the textbook NestJS gateway + NATS microservice + TypeORM peer and one Fastify + pg process.
// Every system runs at the same time on the same data; runs are interleaved round by round.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { randomBytes } = require('node:crypto');
const { SpawnedService, TestIsolation, freePort } = require('@ogp/testing');
const { Client } = require('pg');
const { ROOT, cpuSnapshot, startNode, load, median, percentile } = require('../common');

const PASSWORD = 'Demo-OGP-2026!';

module.exports = async function read({ rounds, seconds, log }) {
  const iso = new TestIsolation();
  const env = (service, extra) =>
    iso.env(service, { LOG_LEVEL: 'warn', NODE_ENV: 'production', AUTH_RATE_LIMIT_PER_MINUTE: '100000', ...extra });
  const commitments = new SpawnedService(
    'commitments',
    env('commitments', { HTTP_PORT: String(await freePort()) }),
  ).start();
  const gatewayPort = await freePort();
  const gateway = new SpawnedService('gateway', env('gateway', { HTTP_PORT: String(gatewayPort) })).start();
  const base = `http://127.0.0.1:${gatewayPort}`;
  const peers = [];
  let pg;
  try {
    await Promise.all([commitments.ready(), gateway.ready()]);
    // The demo data (Morocco's 2018-2020 plan, its accounts), through the same paths people use.
    execFileSync(process.execPath, [join(ROOT, 'services/gateway/dist/demo/seed-demo.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env('gateway'), GATEWAY_URL: base },
    });
    const json = async (path, init) => {
      const res = await fetch(`${base}${path}`, init);
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const login = async (email) =>
      (
        await json('/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: PASSWORD }),
        })
      ).accessToken;
    const pmToken = await login('pm@demo.ogp.ma');
    const coordToken = await login('coordination@demo.ogp.ma');
    const programme = (await json('/programmes?limit=100')).items.find((p) => p.code === 'OGP-MA');
    const ministry = (await json('/institutions?limit=100')).items.find((i) => i.code === 'MRAFP');
    const plans = await json(`/programmes/${programme.id}/plans`);
    const plan = plans.plans[0];
    const cards = (await json(`/commitments?planId=${plan.id}&limit=100`)).items;
    const mine = cards.find((c) => c.leadInstitutionId === ministry.id) ?? cards[0];
    const paths = {
      programme: `/programmes/${programme.id}`,
      card: `/commitments/${mine.id}`,
      dashboard: `/plans/${plan.id}/dashboard`,
    };
    const bodies = {};
    for (const [name, path] of Object.entries(paths)) bodies[name] = await (await fetch(`${base}${path}`)).text();
    log(
      `data: demo plan; programme ${bodies.programme.length} B, commitment card ${bodies.card.length} B, plan dashboard ${bodies.dashboard.length} B`,
    );

    // The references, on the same data.
    const barePort = await freePort();
    peers.push(
      await startNode('bare-fastify', join(__dirname, '../peers/bare-fastify.js'), {
        PORT: String(barePort),
        BODIES: JSON.stringify(Object.fromEntries(Object.entries(paths).map(([k, p]) => [p, bodies[k]]))),
      }),
    );
    const pgPort = await freePort();
    const peerEnv = {
      DATABASE_URL: iso.env('commitments').DATABASE_URL,
      DB_SCHEMA: iso.schema('commitments'),
      NATS_URL: iso.env('commitments').NATS_URL,
      JWT_SECRET: iso.env('gateway').JWT_SECRET,
    };
    peers.push(
      await startNode('fastify-pg', join(__dirname, '../peers/fastify-pg.js'), { ...peerEnv, PORT: String(pgPort) }),
    );
    const nestDir = join(ROOT, '.bench/peers/nest-textbook');
    const peerPrefix = `peer${randomBytes(4).toString('hex')}`;
    peers.push(
      await startNode('nest-textbook-service', join(nestDir, 'service.js'), { ...peerEnv, PEER_PREFIX: peerPrefix }),
    );
    const nestPort = await freePort();
    peers.push(
      await startNode('nest-textbook-gateway', join(nestDir, 'gateway.js'), {
        ...peerEnv,
        PEER_PREFIX: peerPrefix,
        PORT: String(nestPort),
      }),
    );
    const at = (port, path) => `http://127.0.0.1:${port}${path}`;
    const bearer = { authorization: `Bearer ${pmToken}` };
    for (const [name, path] of Object.entries(paths))
      if ((await (await fetch(at(barePort, path))).text()) !== bodies[name])
        throw new Error(`bare body differs for ${name}`);
    for (const port of [pgPort, nestPort]) {
      const r = await fetch(at(port, paths.card), { headers: bearer });
      if (r.status !== 200 || !(await r.json()).id)
        throw new Error(`peer on ${port} does not answer the card: ${r.status}`);
    }

    const runs = [
      ['public', 'programme', 'bare', at(barePort, paths.programme), {}],
      ['public', 'programme', 'platform', at(gatewayPort, paths.programme), {}],
      ['public', 'card', 'bare', at(barePort, paths.card), {}],
      ['public', 'card', 'platform', at(gatewayPort, paths.card), {}],
      ['public', 'dashboard', 'bare', at(barePort, paths.dashboard), {}],
      ['public', 'dashboard', 'platform', at(gatewayPort, paths.dashboard), {}],
      ['auth', 'card', 'nest-peer', at(nestPort, paths.card), bearer],
      ['auth', 'card', 'fastify-pg', at(pgPort, paths.card), bearer],
      ['auth', 'card', 'platform', at(gatewayPort, paths.card), bearer],
      // Not a figure of the issue's: every card of the plan in turn, so concurrent reads seldom name
      // the same card (the platform reads the cards asked for in one turn with one statement).
      ['auth', 'cards', 'platform', at(gatewayPort, paths.card), bearer, cards.map((c) => `/commitments/${c.id}`)],
    ];
    for (const [, , , url, headers, rotate] of runs) await load({ url, headers, paths: rotate, duration: 1 }); // warm-up, not measured
    log(
      `load generator: ${(await load({ url: runs[0][3], duration: 1 })).generator}, 64 connections, ${seconds} s per run`,
    );
    const results = runs.map(() => []);
    // CPU per authenticated read, summed over the platform's runs: what each process on the path spent.
    pg = new Client({ connectionString: iso.env('commitments').DATABASE_URL });
    await pg.connect();
    const authCpu = {};
    let authRequests = 0;
    for (let round = 1; round <= rounds; round++) {
      for (let i = 0; i < runs.length; i++) {
        const [kind, what, who, url, headers, rotate] = runs[i];
        const measured = kind === 'auth' && what === 'card' && who === 'platform';
        const before = measured ? await cpuSnapshot(pg, { gateway, commitments }, 'commitments') : null;
        const r = await load({ url, headers, paths: rotate, duration: seconds });
        if (measured) {
          const after = await cpuSnapshot(pg, { gateway, commitments }, 'commitments');
          for (const name of ['gateway', 'commitments', 'postgres', 'nats-server'])
            authCpu[name] = (authCpu[name] ?? 0) + after[name] - before[name];
          authRequests += r.total;
        }
        results[i].push(r);
        log(
          `round ${round} ${kind.padEnd(6)} ${what.padEnd(9)} ${who.padEnd(10)} ${String(Math.round(r.rps)).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms${r.errors + r.non2xx ? `  ERRORS ${r.errors} non-2xx ${r.non2xx}` : ''}`,
        );
      }
    }
    const cpuPerRead = Object.entries(authCpu).map(([name, ms]) => [name, ms / Math.max(authRequests, 1)]);
    log(
      `CPU ms per authenticated card read (the platform's ${rounds} runs, wrk's own not counted): ${cpuPerRead.map(([n, ms]) => `${n} ${ms.toFixed(3)}`).join(', ')}; in all ${cpuPerRead.reduce((a, [, ms]) => a + ms, 0).toFixed(3)}`,
    );
    const find = (kind, what, who) => results[runs.findIndex((r) => r[0] === kind && r[1] === what && r[2] === who)];
    const ratio = (a, b) => median(a.map((r, i) => r.rps / b[i].rps));
    const rps = (xs) => median(xs.map((r) => r.rps));
    const failures = results.flat().reduce((n, r) => n + r.errors + r.non2xx, 0);
    const publicRatios = ['programme', 'card', 'dashboard'].map((what) => ({
      what,
      ratio: ratio(find('public', what, 'platform'), find('public', what, 'bare')),
      platform: rps(find('public', what, 'platform')),
      bare: rps(find('public', what, 'bare')),
    }));
    const worst = publicRatios.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    const auth = find('auth', 'card', 'platform');
    const spread = find('auth', 'cards', 'platform');

    // A change made through the API, then polled as a visitor would read it.
    const card = await json(paths.card);
    const activity = card.activities.find((a) => a.progress < 100) ?? card.activities[0];
    const visible = [];
    for (let i = 0; i < 5; i++) {
      const progress = 11 + i * 7;
      const res = await fetch(`${base}/commitments/${mine.id}/progress`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${coordToken}` },
        body: JSON.stringify({ activityId: activity.id, progress, reportedOn: new Date().toISOString().slice(0, 10) }),
      });
      if (res.status !== 201) throw new Error(`progress report: ${res.status} ${await res.text()}`);
      const t0 = performance.now();
      for (;;) {
        const seen = await (await fetch(`${base}${paths.card}`)).json();
        if (seen.activities.find((a) => a.id === activity.id)?.progress === progress) break;
        if (performance.now() - t0 > 5000) throw new Error('a change stayed invisible for more than 5 s');
      }
      visible.push(performance.now() - t0);
    }
    return {
      figures: {
        read_public_ratio_bare: worst.ratio,
        read_public_change_visible_ms: percentile(visible, 50),
        read_auth_ratio_peer: ratio(auth, find('auth', 'card', 'nest-peer')),
        read_auth_ratio_fastify_pg: ratio(auth, find('auth', 'card', 'fastify-pg')),
        read_auth_p99_ms: median(auth.map((r) => r.p99)),
      },
      notes: {
        read_public_ratio_bare: `${worst.what}: ${publicRatios.map((p) => `${p.what} ${Math.round(p.platform)} vs bare ${Math.round(p.bare)} req/s`).join('; ')}`,
        read_auth_ratio_peer: `platform ${Math.round(rps(auth))} vs nest peer ${Math.round(rps(find('auth', 'card', 'nest-peer')))} req/s`,
        read_auth_ratio_fastify_pg: `vs fastify+pg ${Math.round(rps(find('auth', 'card', 'fastify-pg')))} req/s`,
        read_public_change_visible_ms: `max ${Math.max(...visible).toFixed(1)} ms of 5`,
        read_auth_p99_ms: `one card, as the issue measures it; the plan's ${cards.length} cards in turn: ${Math.round(rps(spread))} req/s, p99 ${median(spread.map((r) => r.p99))} ms`,
        ...(failures ? { read_failures: `${failures} failed requests in the load runs` } : {}),
      },
    };
  } finally {
    await pg?.end().catch(() => undefined);
    for (const p of peers.reverse()) await p.stop();
    await Promise.all([gateway.stop(), commitments.stop()]);
    await iso.cleanup();
  }
};
