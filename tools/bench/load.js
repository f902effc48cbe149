// One load run, in its own process (a load generator in the benchmark's process would take CPU from
// the systems measured): node load.js '{"url":..., "connections":64, "duration":5, "headers":{}}'
// Prints one JSON line: requests/s, latency percentiles (ms), errors and non-2xx answers, and which
// generator ran. wrk (C, Debian package `wrk`; what the issue's own figures were taken with) is used
// when it is installed: on these 2 cores autocannon, in Node, took most of a core from the systems
// measured. Without wrk, autocannon runs and the line says so.
const { execFileSync, spawn } = require('node:child_process');
const { writeFileSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const options = { connections: 64, duration: 5, headers: {}, ...JSON.parse(process.argv[2]) };

function wrkPath() {
  if (process.env.BENCH_LOAD === 'autocannon') return null;
  try {
    return execFileSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

// wrk's done() hook prints the figures as one JSON line (latency is in microseconds there).
const REPORT_LUA = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"rps":%.1f,"total":%d,"p50":%.3f,"p99":%.3f,"errors":%d,"non2xx":%d,"bytes":%d,"generator":"wrk"}\\n',
    summary.requests / (summary.duration / 1e6), summary.requests, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout, e.status, summary.bytes))
end
`;

function runWrk(wrk) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-wrk-'));
  const script = join(dir, 'report.lua');
  // With `paths`, each request takes the next path in turn (the URL gives the host).
  const rotate = options.paths
    ? `paths = {${options.paths.map((x) => JSON.stringify(x)).join(',')}}\ni = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n`
    : '';
  writeFileSync(script, rotate + REPORT_LUA);
  const args = ['-t', String(options.threads ?? 1), '-c', String(options.connections), '-d', `${options.duration}s`];
  for (const [k, v] of Object.entries(options.headers)) args.push('-H', `${k}: ${v}`);
  args.push('-s', script, options.url);
  const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.on('close', (code) => {
    rmSync(dir, { recursive: true, force: true });
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (code !== 0 || !line) {
      process.stdout.write(`${JSON.stringify({ error: `wrk exited ${code}: ${out.slice(-500)}` })}\n`);
      process.exit(1);
    }
    process.stdout.write(`${line}\n`);
  });
}

function runAutocannon() {
  const autocannon = require('autocannon');
  const requests = options.paths?.map((path) => ({ path }));
  autocannon({ ...options, ...(requests ? { requests } : {}) }, (err, r) => {
    if (err) {
      process.stdout.write(`${JSON.stringify({ error: String(err) })}\n`);
      process.exit(1);
    }
    process.stdout.write(
      `${JSON.stringify({ rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, bytes: r.throughput.total, generator: 'autocannon' })}\n`,
    );
  });
}

const wrk = wrkPath();
if (wrk) runWrk(wrk);
else runAutocannon();
