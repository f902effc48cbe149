// The CPU one request costs each process when requests come one at a time (as in the progress
// figure: report, then read) and when 64 connections keep them busy (as in the read figures): a
// visitor's read answered from the gateway's memory, and a programme read with a token (gateway,
// NATS, commitments, Postgres). On this machine every wake-up of a process costs tens of µs
// (tools/bench/probes/loopback-round-trip.js), which a lone request pays at every hop.
//   node tools/bench/probes/serial-vs-load.js [requests one at a time, default 2000]
require('reflect-metadata');
const { execFileSync } = require('node:child_process');
const { SpawnedService, TestIsolation, freePort } = require('@ogp/testing');
const { cpuMs, jsonClient, load } = require('../common');

const SERIAL = Number(process.argv[2] ?? 2000);
const PASSWORD = 'Quiet-river-stones-2026!';

async function main() {
  const iso = new TestIsolation();
  const quiet = { LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  const commitments = new SpawnedService(
    'commitments',
    iso.env('commitments', { HTTP_PORT: String(await freePort()), ...quiet }),
  ).start();
  const port = await freePort();
  const gateway = new SpawnedService(
    'gateway',
    iso.env('gateway', { HTTP_PORT: String(port), AUTH_RATE_LIMIT_PER_MINUTE: '1000', ...quiet }),
  ).start();
  const base = `http://127.0.0.1:${port}`;
  const json = jsonClient(base, 1);
  try {
    await Promise.all([commitments.ready(), gateway.ready()]);
    execFileSync(process.execPath, ['services/gateway/dist/cli/create-admin.js'], {
      env: { ...process.env, ...iso.env('gateway'), ADMIN_EMAIL: 'probe@ogp.ma', ADMIN_PASSWORD: PASSWORD },
    });
    const token = (await json('POST', '/auth/login', null, { email: 'probe@ogp.ma', password: PASSWORD })).body
      .accessToken;
    const programme = (
      await json('POST', '/programmes', token, { code: 'PROBE', kind: 'national_strategy', name: { ar: 'برنامج' } })
    ).body;
    const path = `/programmes/${programme.id}`;
    const cases = [
      ['visitor, answered from memory', null],
      ['with a token: gateway, NATS, commitments, pg', token],
    ];
    const processes = { gateway: gateway.pid, commitments: commitments.pid };
    const measure = async (requests, run) => {
      const before = Object.fromEntries(Object.entries(processes).map(([k, pid]) => [k, cpuMs(pid)]));
      const started = process.hrtime.bigint();
      const done = (await run()) ?? requests;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const cpu = Object.entries(processes)
        .map(([k, pid]) => `${k} ${((1000 * (cpuMs(pid) - before[k])) / done).toFixed(0)} µs`)
        .join(', ');
      return { done, ms, cpu };
    };
    for (const [label, auth] of cases) {
      for (let i = 0; i < 500; i++) await json('GET', path, auth); // warm-up
      const serial = await measure(SERIAL, async () => {
        for (let i = 0; i < SERIAL; i++) {
          const res = await json('GET', path, auth);
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        }
      });
      const loaded = await measure(0, async () => {
        const r = await load({
          url: `${base}${path}`,
          connections: 64,
          duration: 5,
          headers: auth ? { authorization: `Bearer ${auth}` } : {},
        });
        if (r.errors || r.non2xx) throw new Error(`${path} under load: ${r.errors} errors, ${r.non2xx} not 2xx`);
        return r.total;
      });
      console.log(`${label}:`);
      console.log(
        `  one at a time: ${((1000 * serial.ms) / serial.done).toFixed(0)} µs each; CPU per request: ${serial.cpu}`,
      );
      console.log(`  64 connections, 5 s: ${Math.round(loaded.done / 5)} req/s; CPU per request: ${loaded.cpu}`);
    }
  } finally {
    json.close();
    await Promise.all([gateway.stop(), commitments.stop()]);
    await iso.cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
