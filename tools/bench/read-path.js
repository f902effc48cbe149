// Read path: HTTP -> gateway -> NATS -> commitments -> Postgres -> reply, 64 connections,
// side by side with a bare Fastify endpoint returning the same body, in the same run.
require('reflect-metadata');
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { SpawnedService, TestIsolation, freePort, waitFor } = require('@ogp/testing');

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;

function load(url) {
  return new Promise((resolve, reject) =>
    autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (err, r) => (err ? reject(err) : resolve(r))),
  );
}

async function main() {
  const iso = new TestIsolation();
  const commitments = new SpawnedService(
    'commitments',
    iso.env('commitments', { HTTP_PORT: String(await freePort()), LOG_LEVEL: 'warn', NODE_ENV: 'production' }),
  ).start();
  const gatewayPort = await freePort();
  const gateway = new SpawnedService(
    'gateway',
    iso.env('gateway', { HTTP_PORT: String(gatewayPort), LOG_LEVEL: 'warn', NODE_ENV: 'production' }),
  ).start();
  let bare;
  try {
    await Promise.all([commitments.ready(), gateway.ready()]);
    // One programme to read, created the way a coordinator would (through the gateway).
    const { Client } = require('pg');
    const pg = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' });
    await pg.connect();
    const id = '5e1f0c7a-6a53-4b52-9f41-0c1d2e3f4a5b';
    await pg.query(
      `INSERT INTO "${iso.schema('commitments')}".programmes (id, code, kind, name) VALUES ($1, 'OGP-MA', 'ogp_national', $2)`,
      [
        id,
        JSON.stringify({
          ar: 'برنامج الحكومة المنفتحة',
          fr: 'Programme du gouvernement ouvert',
          en: 'Open Government Programme',
        }),
      ],
    );
    await pg.end();
    const url = `http://127.0.0.1:${gatewayPort}/programmes/${id}`;
    const body = await (await fetch(url)).text();

    const barePort = await freePort();
    bare = spawn(process.execPath, [join(__dirname, 'peers', 'bare-fastify.js')], {
      env: { ...process.env, PORT: String(barePort), BODY: body },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    bare.stdout.on('data', (d) => (out += d));
    await waitFor(() => out.includes('READY'), { what: 'bare fastify' });
    const bareUrl = `http://127.0.0.1:${barePort}/programmes/${id}`;
    if ((await (await fetch(bareUrl)).text()) !== body) throw new Error('bodies differ');

    await load(url).catch(() => undefined); // warm-up is not measured
    const baseline = await load(bareUrl);
    const platform = await load(url);
    const row = (name, r) =>
      `${name.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
    console.log(`read path, ${CONNECTIONS} connections, ${DURATION} s each, body ${body.length} bytes`);
    console.log(row('bare Fastify (same body)', baseline));
    console.log(row('gateway -> NATS -> commitments', platform));
    const ratio = platform.requests.average / baseline.requests.average;
    console.log(
      `ratio: ${(ratio * 100).toFixed(1)}% of the bare endpoint (target >= 25%); p99 ${platform.latency.p99} ms (target < 50 ms)`,
    );
  } finally {
    bare?.kill();
    await Promise.all([gateway.stop(), commitments.stop()]);
    await iso.cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
