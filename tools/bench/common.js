// Helpers shared by the benchmark's parts: processes beside the platform, load runs in their own
// process, medians.
const http = require('node:http');
const { spawn, execFile, execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { mkdirSync, readFileSync } = require('node:fs');
const { waitFor } = require('@ogp/testing');

const ROOT = join(__dirname, '..', '..');

/** Clock ticks per second of /proc/<pid>/stat's CPU times. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time a process has used so far (user and system), in ms; NaN where /proc is not there. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return NaN;
  }
}

/**
 * The machine's CPU counters so far (/proc/stat's first line, in ticks): `total` and `steal`, the
 * time the hypervisor gave this machine's virtual CPUs to someone else. Two readings' difference
 * tells how much of a run's CPU the host took away; null where /proc/stat is not there.
 */
function machineCpu() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest times are already in user and nice)
    return { total: ticks.slice(0, 8).reduce((a, b) => a + b, 0), steal: ticks[7] ?? 0 };
  } catch {
    return null;
  }
}

/** The share of the CPU the host took between two machineCpu() readings, in percent (null if unknown). */
function stealPercent(before, after) {
  if (!before || !after || after.total <= before.total) return null;
  return (100 * (after.steal - before.steal)) / (after.total - before.total);
}

/** The NATS server's pids on this machine (looked up once: a pgrep is not cheap on a measured path). */
let natsPids;
function natsServerPids() {
  if (natsPids) return natsPids;
  try {
    natsPids = execFileSync('pgrep', ['-x', 'nats-server'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    natsPids = [];
  }
  return natsPids;
}

/**
 * CPU used so far, in ms, by every process a request's path crosses: the given services (name ->
 * SpawnedService), their Postgres backends (`application_name`), the NATS server (JetStream included)
 * and this client. Two snapshots' difference, summed, can exceed the wall time between them: the
 * cores were then busy with the work behind the requests, not only waiting.
 */
async function cpuSnapshot(pg, services, applicationName) {
  const { user, system } = process.cpuUsage(); // read first: the query below is not the client's work
  const nats = natsServerPids();
  const backends = await pg.query(
    `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
    [applicationName],
  );
  const snap = {};
  for (const [name, service] of Object.entries(services)) snap[name] = cpuMs(service.pid);
  snap.postgres = backends.rows.reduce((sum, r) => sum + (cpuMs(r.pid) || 0), 0); // a backend gone counts 0
  snap['nats-server'] = nats.reduce((sum, pid) => sum + (cpuMs(pid) || 0), 0);
  snap['bench (client)'] = (user + system) / 1000;
  return snap;
}

/** Node flags that make a process write its CPU profile on exit, when `--profile` was given. */
function profileFlags(name) {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  if (!dir) return [];
  mkdirSync(join(dir, name), { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${join(dir, name)}`];
}

/** Starts a Node process that prints READY when it listens; returns it with a stop(). */
async function startNode(name, file, env) {
  const child = spawn(process.execPath, [...profileFlags(name), file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let exited = null;
  const done = new Promise((resolve) => child.on('exit', (code) => resolve((exited = code ?? 128))));
  await waitFor(
    () => {
      if (exited !== null) throw new Error(`${name} exited with ${exited}: ${out.slice(-2000)}`);
      return out.includes('READY');
    },
    { what: name, timeoutMs: 30000 },
  );
  return {
    child,
    output: () => out,
    stop: () => {
      if (exited === null) child.kill('SIGTERM');
      return done;
    },
  };
}

/** One load run (autocannon in a child process). */
function load(options) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(__dirname, 'load.js'), JSON.stringify(options)],
      { maxBuffer: 1 << 20 },
      (err, stdout) => {
        if (err) return reject(new Error(`load run failed: ${err.message} ${stdout}`));
        resolve(JSON.parse(stdout.trim().split('\n').pop()));
      },
    );
  });
}

function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/**
 * A JSON client over node:http with kept-alive connections, rather than fetch: the client shares
 * the 2 cores with the platform, and fetch cost it several times more CPU per request.
 * json(method, path, token?, body?) -> { status, body (parsed, or null) }; json.close() ends its connections.
 */
function jsonClient(base, maxSockets) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const json = (method, path, token, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        `${base}${path}`,
        {
          method,
          agent,
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            let parsed = null;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              parsed = null;
            }
            resolve({ status: res.statusCode, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  json.close = () => agent.destroy();
  return json;
}

module.exports = {
  ROOT,
  cpuMs,
  cpuSnapshot,
  machineCpu,
  stealPercent,
  profileFlags,
  startNode,
  load,
  median,
  percentile,
  jsonClient,
};
