// Tracing part: the cost of tracing on the read path. Two identical stacks (gateway + commitments)
// read the same database at the same time, one exporting every span over OTLP/HTTP to a sink
// process, the other with no exporter configured (tracing off, the default). Runs alternate
// between them round by round (the order swapped each round); figures are medians of the rounds.
// BENCH_BASELINE_ROOT=<another built checkout> adds a third stack started from that checkout (e.g.
// the commit before tracing existed), to see what the hooks cost with tracing off.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { SpawnedService, TestIsolation, freePort } = require('@ogp/testing');
const { ROOT, startNode, load, median } = require('../common');

const PASSWORD = 'Demo-OGP-2026!';

module.exports = async function tracing({ rounds, seconds, log }) {
  const iso = new TestIsolation();
  const sinkPort = await freePort();
  const sink = await startNode('otlp-sink', join(__dirname, '../otlp-sink.js'), { PORT: String(sinkPort) });
  // Same schemas, separate NATS subjects: each gateway reaches only its own commitments service.
  const stack = async (name, extra, root = ROOT) => {
    const command = (service) => [process.execPath, join(root, 'services', service, 'dist', 'main.js')];
    const env = (service, more) =>
      iso.env(service, {
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        AUTH_RATE_LIMIT_PER_MINUTE: '100000',
        NATS_PREFIX: `${iso.prefix}${name}`,
        ...extra,
        ...more,
      });
    const commitments = new SpawnedService(
      'commitments',
      env('commitments', { HTTP_PORT: String(await freePort()) }),
      command('commitments'),
    ).start();
    await commitments.ready(60000);
    const port = await freePort();
    const gateway = new SpawnedService(
      'gateway',
      env('gateway', { HTTP_PORT: String(port) }),
      command('gateway'),
    ).start();
    await gateway.ready(60000);
    return { name, commitments, gateway, port, env };
  };
  const stacks = [];
  try {
    stacks.push(await stack('off', {}));
    // BENCH_TRACING_SAMPLE=0.1 keeps one trace in ten on the traced stack (OTEL_TRACES_SAMPLER_ARG; default all).
    const sample = process.env.BENCH_TRACING_SAMPLE
      ? { OTEL_TRACES_SAMPLER_ARG: process.env.BENCH_TRACING_SAMPLE }
      : {};
    stacks.push(await stack('on', { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sinkPort}`, ...sample }));
    if (process.env.BENCH_BASELINE_ROOT) stacks.push(await stack('pre', {}, process.env.BENCH_BASELINE_ROOT));
    const [off, on, pre] = stacks;
    const base = `http://127.0.0.1:${off.port}`;
    execFileSync(process.execPath, [join(ROOT, 'services/gateway/dist/demo/seed-demo.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...off.env('gateway'), GATEWAY_URL: base },
    });
    const json = async (path, init) => {
      const res = await fetch(`${base}${path}`, init);
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const token = (
      await json('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'pm@demo.ogp.ma', password: PASSWORD }),
      })
    ).accessToken;
    const programme = (await json('/programmes?limit=100')).items.find((p) => p.code === 'OGP-MA');
    const plan = (await json(`/programmes/${programme.id}/plans`)).plans[0];
    const card = (await json(`/commitments?planId=${plan.id}&limit=100`)).items[0];
    const reads = [
      ['public programme', `/programmes/${programme.id}`, {}],
      ['authenticated card', `/commitments/${card.id}`, { authorization: `Bearer ${token}` }],
    ];
    for (const [what, path, headers] of reads) {
      const a = await fetch(`http://127.0.0.1:${off.port}${path}`, { headers });
      const body = await a.text();
      for (const s of stacks.slice(1)) {
        const b = await fetch(`http://127.0.0.1:${s.port}${path}`, { headers });
        if (a.status !== 200 || b.status !== 200 || body !== (await b.text()))
          throw new Error(`${what}: the stacks answer differently (${a.status}, ${s.name} ${b.status})`);
      }
    }
    for (const s of stacks)
      for (const [, path, headers] of reads)
        await load({ url: `http://127.0.0.1:${s.port}${path}`, headers, duration: 1 }); // warm-up
    const results = {};
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? stacks : [...stacks].reverse();
      for (const [what, path, headers] of reads) {
        for (const s of order) {
          const r = await load({ url: `http://127.0.0.1:${s.port}${path}`, headers, duration: seconds });
          (results[`${what}|${s.name}`] ??= []).push(r);
          log(
            `round ${round} ${what.padEnd(18)} tracing ${s.name.padEnd(3)} ${String(Math.round(r.rps)).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms${r.errors + r.non2xx ? `  ERRORS ${r.errors} non-2xx ${r.non2xx}` : ''}`,
          );
        }
      }
    }
    const rps = (what, name) => median(results[`${what}|${name}`].map((r) => r.rps));
    const ratio = (what) => median(results[`${what}|on`].map((r, i) => r.rps / results[`${what}|off`][i].rps));
    const preRatio = (what) => median(results[`${what}|off`].map((r, i) => r.rps / results[`${what}|pre`][i].rps));
    for (const [what] of reads) {
      log(
        `median ${what}: tracing off ${Math.round(rps(what, 'off'))} req/s, on ${Math.round(rps(what, 'on'))} req/s, on/off ${ratio(what).toFixed(3)}`,
      );
      if (pre)
        log(
          `median ${what}: baseline checkout ${Math.round(rps(what, 'pre'))} req/s, off/baseline ${preRatio(what).toFixed(3)}`,
        );
    }
    return {
      figures: {
        tracing_on_off_ratio_public: ratio('public programme'),
        tracing_on_off_ratio_auth: ratio('authenticated card'),
      },
      notes: {
        tracing_on_off_ratio_public: `off ${Math.round(rps('public programme', 'off'))} vs on ${Math.round(rps('public programme', 'on'))} req/s`,
        tracing_on_off_ratio_auth: `off ${Math.round(rps('authenticated card', 'off'))} vs on ${Math.round(rps('authenticated card', 'on'))} req/s`,
      },
    };
  } finally {
    for (const s of stacks) await Promise.all([s.gateway.stop(), s.commitments.stop()]);
    await sink.stop();
    await iso.cleanup();
  }
};
