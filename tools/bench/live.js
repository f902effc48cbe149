// Live progress: the time from a progress report (POST through the gateway) to its update arriving
// on 100 open plan streams relayed by the portal (the path a browser's EventSource takes), p50 and
// p99 over several reports; then the gateway's and the portal's memory (RSS) with 1,000 open live
// streams. Runs the platform isolated like the tests (own schemas, NATS prefix), with the demo data
// and a production build of the portal. The per-client bound is raised for the run (all the
// streams come from one address).
require('reflect-metadata');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const http = require('node:http');
const { join } = require('node:path');
const { SpawnedService, TestIsolation, freePort } = require('@ogp/testing');

const ROOT = join(__dirname, '..', '..');
const PORTAL = join(ROOT, 'services', 'portal');
const NEXT = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const WATCHERS = Number(process.env.BENCH_LIVE_WATCHERS ?? 100);
const REPORTS = Number(process.env.BENCH_LIVE_REPORTS ?? 10);
const OPEN = Number(process.env.BENCH_LIVE_CONNECTIONS ?? 1000);

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

/** Resident memory of a process and its descendants, in MB. */
function rssMb(pid) {
  const kb = (p) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const children = (p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += kb(p);
    stack.push(...children(p));
  }
  return total / 1024;
}

/** An SSE stream: calls onUpdate(id) at each `event: progress`; resolves once the answer's head is in. */
function openStream(url, onUpdate) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`stream answered ${res.statusCode}`));
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('event: progress')) onUpdate(/^id: (\d+)/m.exec(block)?.[1]);
        }
      });
      res.on('error', () => undefined);
      resolve({ close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  ensureBuild();
  const iso = new TestIsolation();
  const services = [];
  let gateway;
  let portal;
  const streams = [];
  try {
    services.push(
      new SpawnedService(
        'commitments',
        iso.env('commitments', { HTTP_PORT: String(await freePort()), NODE_ENV: 'production' }),
      ).start(),
    );
    await Promise.all(services.map((s) => s.ready(180000)));
    gateway = new SpawnedService(
      'gateway',
      iso.env('gateway', {
        HTTP_PORT: String(await freePort()),
        NODE_ENV: 'production',
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
        LIVE_MAX_PER_CLIENT: String(OPEN + 100),
      }),
    ).start();
    await gateway.ready(180000);
    const gatewayUrl = `http://127.0.0.1:${gateway.port}`;
    execFileSync(process.execPath, [join(ROOT, 'services/gateway/dist/demo/seed-demo.js')], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { PATH: process.env.PATH, ...iso.env('gateway'), GATEWAY_URL: gatewayUrl },
    });
    const json = async (path, init) => {
      const res = await fetch(`${gatewayUrl}${path}`, init);
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const programmeId = (await json('/programmes?limit=100')).items.find((p) => p.code === 'OGP-MA').id;
    const planId = (await json(`/programmes/${programmeId}/plans`)).plans[0].id;
    const login = await json('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pm@demo.ogp.ma', password: 'Demo-OGP-2026!' }),
    });
    const auth = { authorization: `Bearer ${login.accessToken}` };
    const institutionId = (await json('/me', { headers: auth })).scopes.institutions[0];
    const commitmentId = (await json(`/commitments?planId=${planId}&institutionId=${institutionId}&limit=1`)).items[0]
      .id;
    const activityId = (await json(`/commitments/${commitmentId}`)).activities[0].id;

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
    const streamUrl = `http://127.0.0.1:${port}/ar/plans/${planId}/live`;
    // Warm the route (its first call compiles nothing in production, but loads the handler).
    (await openStream(streamUrl, () => undefined)).close();
    await sleep(500);

    // 1. Latency to 100 dashboards.
    let sentAt = 0;
    let received = [];
    for (let i = 0; i < WATCHERS; i++)
      streams.push(await openStream(streamUrl, () => received.push(Date.now() - sentAt)));
    await sleep(500);
    const samples = [];
    const lastOfReport = [];
    for (let r = 0; r < REPORTS; r++) {
      received = [];
      sentAt = Date.now();
      const res = await fetch(`${gatewayUrl}/commitments/${commitmentId}/progress`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          activityId,
          progress: 10 + ((r * 7) % 90),
          reportedOn: new Date().toISOString().slice(0, 10),
        }),
      });
      if (res.status !== 201) throw new Error(`report answered ${res.status}: ${await res.text()}`);
      const deadline = Date.now() + 10000;
      while (received.length < WATCHERS && Date.now() < deadline) await sleep(5);
      if (received.length < WATCHERS)
        throw new Error(`report ${r}: ${received.length}/${WATCHERS} streams received the update within 10 s`);
      samples.push(...received);
      lastOfReport.push(Math.max(...received));
      await sleep(300);
    }
    samples.sort((a, b) => a - b);
    lastOfReport.sort((a, b) => a - b);
    console.log(
      `report → update on ${WATCHERS} open plan streams (through the portal's relay), ${REPORTS} reports, ${samples.length} deliveries:`,
    );
    console.log(
      `  p50 ${percentile(samples, 50)} ms   p99 ${percentile(samples, 99)} ms   max ${samples[samples.length - 1]} ms   (last of the ${WATCHERS} streams per report: p50 ${percentile(lastOfReport, 50)} ms, max ${lastOfReport[lastOfReport.length - 1]} ms; target < 2000 ms)`,
    );
    streams.splice(0).forEach((s) => s.close());
    await sleep(1000);

    // 2. Memory with 1,000 open streams.
    const idle = { gateway: rssMb(gateway.pid), portal: rssMb(portal.pid) };
    for (let i = 0; i < OPEN; i += 50)
      streams.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, OPEN - i) }, () => openStream(streamUrl, () => undefined)),
        )),
      );
    await sleep(3000);
    const open = { gateway: rssMb(gateway.pid), portal: rssMb(portal.pid) };
    const mb = (n) => `${n.toFixed(0)} MB`;
    console.log(
      `RSS with ${streams.length} open live streams (portal relay → gateway), beside the same processes idle after the latency run:`,
    );
    console.log(
      `  gateway ${mb(open.gateway)} (idle ${mb(idle.gateway)}, +${((1024 * (open.gateway - idle.gateway)) / OPEN).toFixed(1)} KB per stream)`,
    );
    console.log(
      `  portal  ${mb(open.portal)} (idle ${mb(idle.portal)}, +${((1024 * (open.portal - idle.portal)) / OPEN).toFixed(1)} KB per stream)`,
    );
    // Closing the browsers' side must close the relayed streams at the gateway too.
    const toGateway = () =>
      execFileSync('ss', ['-Htn', 'state', 'established', `( sport = :${gateway.port} )`], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean).length;
    const before = toGateway();
    streams.splice(0).forEach((s) => s.close());
    await sleep(6000);
    console.log(
      `connections to the gateway: ${before} with the streams open, ${toGateway()} 6 s after they were closed`,
    );
  } finally {
    streams.forEach((s) => s.close());
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
