// Portal: the server-rendered plan and commitment pages under 64 connections, beside the gateway's
// JSON for the same data in the same run; and the JavaScript the home, plan and commitment pages
// ship to the browser, gzip-compressed. Runs the platform isolated like the tests (own schemas,
// NATS prefix), with the demo data and a production build of the portal.
require('reflect-metadata');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');
const autocannon = require('autocannon');
const { SpawnedService, TestIsolation, freePort } = require('@ogp/testing');

const ROOT = join(__dirname, '..', '..');
const PORTAL = join(ROOT, 'services', 'portal');
const NEXT = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;

function load(url) {
  return new Promise((resolve, reject) =>
    autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (err, r) => (err ? reject(err) : resolve(r))),
  );
}
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  return s.isDirectory()
    ? readdirSync(path).reduce((m, n) => Math.max(m, newest(join(path, n))), s.mtimeMs)
    : s.mtimeMs;
}
function ensureBuild() {
  const id = join(PORTAL, '.next', 'BUILD_ID');
  const built = existsSync(id) ? statSync(id).mtimeMs : 0;
  const sources = [
    'app',
    'components',
    'config',
    'gateway',
    'i18n',
    'messages',
    'security',
    'session',
    'styles',
    'proxy.ts',
    'next.config.mjs',
  ];
  if (built && sources.every((s) => newest(join(PORTAL, s)) <= built)) return;
  console.log('building the portal (next build)');
  execFileSync(process.execPath, [NEXT, 'build'], {
    cwd: PORTAL,
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

/**
 * The scripts a page makes the browser run: external chunks and inline scripts, gzip-compressed.
 * `noModule` scripts (the legacy-browser polyfills) are counted apart: browsers that run modules skip them.
 */
async function shippedJs(base, path) {
  const html = await (await fetch(base + path)).text();
  const tags = [...html.matchAll(/<script([^>]*)\bsrc="([^"]+)"([^>]*)>/g)].map((m) => ({
    src: m[2],
    legacy: /noModule/i.test(m[1] + m[3]),
  }));
  const seen = new Set();
  let external = 0;
  let legacy = 0;
  for (const { src, legacy: isLegacy } of tags) {
    if (seen.has(src)) continue;
    seen.add(src);
    const size = gzipSync(Buffer.from(await (await fetch(base + src)).arrayBuffer()), { level: 9 }).length;
    if (isLegacy) legacy += size;
    else external += size;
  }
  const srcs = [...seen].filter((src) => !tags.find((t) => t.src === src && t.legacy));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return {
    files: srcs.length,
    external,
    legacy,
    inline: gzipSync(Buffer.from(inline), { level: 9 }).length,
    html: gzipSync(Buffer.from(html), { level: 9 }).length,
  };
}

async function main() {
  ensureBuild();
  const iso = new TestIsolation();
  const services = [];
  let gateway;
  let portal;
  try {
    for (const name of ['commitments', 'participation', 'notifications', 'reporting']) {
      services.push(
        new SpawnedService(
          name,
          iso.env(name, {
            HTTP_PORT: String(await freePort()),
            NODE_ENV: 'production',
            SMTP_URL: 'smtp://127.0.0.1:9',
          }),
        ).start(),
      );
    }
    await Promise.all(services.map((s) => s.ready(180000)));
    gateway = new SpawnedService(
      'gateway',
      iso.env('gateway', { HTTP_PORT: String(await freePort()), NODE_ENV: 'production' }),
    ).start();
    await gateway.ready(180000);
    const gatewayUrl = `http://127.0.0.1:${gateway.port}`;
    execFileSync(process.execPath, [join(ROOT, 'services/gateway/dist/demo/seed-demo.js')], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { PATH: process.env.PATH, ...iso.env('gateway'), GATEWAY_URL: gatewayUrl },
    });
    const programmes = await (await fetch(`${gatewayUrl}/programmes?limit=100`)).json();
    const programmeId = programmes.items.find((p) => p.code === 'OGP-MA').id;
    const planId = (await (await fetch(`${gatewayUrl}/programmes/${programmeId}/plans`)).json()).plans[0].id;
    const commitmentId = (await (await fetch(`${gatewayUrl}/commitments?planId=${planId}&limit=1`)).json()).items[0].id;

    const port = await freePort();
    portal = new SpawnedService(
      'portal',
      {
        NODE_ENV: 'production',
        HTTP_PORT: String(port),
        GATEWAY_URL: gatewayUrl,
        PORTAL_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz',
        NEXT_TELEMETRY_DISABLED: '1',
        HOME: process.env.HOME ?? '/tmp',
      },
      [process.execPath, NEXT, 'start', PORTAL, '-p', String(port), '-H', '127.0.0.1'],
    ).start();
    await portal.ready(180000);
    const portalUrl = `http://127.0.0.1:${port}`;

    const row = (name, r) =>
      `${name.padEnd(44)} ${String(Math.round(r.requests.average)).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   errors ${r.errors + r.non2xx}`;
    console.log(`portal pages vs. the gateway's JSON, ${CONNECTIONS} connections, ${DURATION} s each`);
    const pairs = [
      [
        'plan page /ar/plans/:id',
        `${portalUrl}/ar/plans/${planId}`,
        'gateway GET /plans/:id/dashboard',
        `${gatewayUrl}/plans/${planId}/dashboard`,
      ],
      [
        'commitment page /ar/commitments/:id',
        `${portalUrl}/ar/commitments/${commitmentId}`,
        'gateway GET /commitments/:id',
        `${gatewayUrl}/commitments/${commitmentId}`,
      ],
    ];
    for (const [pageName, pageUrl, apiName, apiUrl] of pairs) {
      await load(pageUrl).catch(() => undefined); // warm-up, not measured
      const api = await load(apiUrl);
      const page = await load(pageUrl);
      console.log(row(apiName, api));
      console.log(row(pageName, page));
      console.log(
        `  ratio: ${((100 * page.requests.average) / api.requests.average).toFixed(1)}% of the gateway's req/s (target >= 50%)`,
      );
    }
    console.log('JavaScript shipped per page (gzip -9; target <= 150 KB each)');
    for (const [name, path] of [
      ['home', '/ar'],
      ['plan', `/ar/plans/${planId}`],
      ['commitment', `/ar/commitments/${commitmentId}`],
    ]) {
      const js = await shippedJs(portalUrl, path);
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `  ${name.padEnd(11)} ${js.files} script files ${kb(js.external).padStart(9)} + inline scripts (RSC payload) ${kb(js.inline).padStart(8)} = ${kb(js.external + js.inline)}` +
          `   (legacy-browser polyfills, noModule, not loaded by modern browsers: ${kb(js.legacy)}; whole HTML ${kb(js.html)})`,
      );
    }
  } finally {
    await portal?.stop();
    await gateway?.stop();
    await Promise.all(services.map((s) => s.stop()));
    await iso.cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
