// npm run bench [-- read|ideas|events|progress|sweep|boot|tracing|live ...] [--profile]
// Runs the benchmark's parts, prints one table (each figure, the platform's value, the references'
// values from the same run, the ratio, the floor, the goal, met?) and writes .bench/results.json.
require('reflect-metadata');
const { mkdirSync, writeFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, machineCpu, stealPercent } = require('./common');

const FIGURES = [
  // key, label, unit, floor, goal, better ('higher' | 'lower'), part
  [
    'read_public_ratio_bare',
    'public read / bare Fastify (worst of programme, card, dashboard)',
    'x',
    0.6,
    0.75,
    'higher',
    'read',
  ],
  [
    'read_public_change_visible_ms',
    'change visible on public reads after the write returns',
    'ms',
    1000,
    100,
    'lower',
    'read',
  ],
  [
    'read_auth_ratio_peer',
    'authenticated card read / textbook Nest+NATS+TypeORM peer',
    'x',
    1.5,
    2.5,
    'higher',
    'read',
  ],
  ['read_auth_ratio_fastify_pg', 'authenticated card read / Fastify + pg', 'x', null, 0.5, 'higher', 'read'],
  ['read_auth_p99_ms', 'authenticated card read p99, 64 connections', 'ms', 40, 15, 'lower', 'read'],
  ['ideas_per_s', 'idea submissions through the gateway', '/s', 1500, 3000, 'higher', 'ideas'],
  ['idea_pg_round_trips', 'Postgres round trips per idea submission', '', 3, 1, 'lower', 'ideas'],
  ['events_per_s', 'events outbox -> JetStream -> consumer applied', '/s', 5000, 20000, 'higher', 'events'],
  ['progress_p50_ms_1k', 'progress report -> readable, plan of 1k activities, p50', 'ms', 8, 3, 'lower', 'progress'],
  [
    'progress_p50_ms_100k',
    'progress report -> readable, plan of 100k activities, p50',
    'ms',
    8,
    3,
    'lower',
    'progress',
  ],
  ['sweep_1m_ms', 'overdue sweep over 1M activities', 'ms', 2000, 500, 'lower', 'sweep'],
  ['sweep_again_ms', 'the same sweep again', 'ms', 200, 50, 'lower', 'sweep'],
  ['sweep_peak_mb', 'sweep peak RSS', 'MB', 200, null, 'lower', 'sweep'],
  ['boot_ms_max', 'slowest service ready after start', 'ms', 1500, 800, 'lower', 'boot'],
  ['idle_rss_mb_max', 'largest idle RSS of a service', 'MB', 120, 90, 'lower', 'boot'],
  [
    'tracing_on_off_ratio_public',
    'public read with tracing exported / tracing off',
    'x',
    null,
    0.9,
    'higher',
    'tracing',
  ],
  [
    'tracing_on_off_ratio_auth',
    'authenticated card read with tracing exported / tracing off',
    'x',
    null,
    0.9,
    'higher',
    'tracing',
  ],
  ['live_p50_ms', 'progress report -> update on 100 open live plan streams, p50', 'ms', 2000, 200, 'lower', 'live'],
  ['live_p99_ms', 'progress report -> update on 100 open live plan streams, p99', 'ms', 2000, 500, 'lower', 'live'],
  ['live_gateway_rss_mb_1k', 'gateway RSS with 1,000 open live streams', 'MB', null, 200, 'lower', 'live'],
  [
    'live_portal_rss_mb_1k',
    'portal RSS with 1,000 open live streams (relaying them)',
    'MB',
    null,
    300,
    'lower',
    'live',
  ],
];
const PARTS = ['read', 'ideas', 'events', 'progress', 'sweep', 'boot', 'tracing', 'live'];

async function main() {
  const args = process.argv.slice(2);
  const profile = args.includes('--profile');
  const chosen = args.filter((a) => !a.startsWith('--'));
  for (const p of chosen) if (!PARTS.includes(p)) throw new Error(`unknown part ${p}; parts: ${PARTS.join(', ')}`);
  const parts = chosen.length ? chosen : PARTS;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const outDir = join(ROOT, '.bench');
  mkdirSync(outDir, { recursive: true });
  if (profile) {
    const dir = join(outDir, 'profiles');
    rmSync(dir, { recursive: true, force: true });
    process.env.BENCH_CPU_PROF_DIR = dir;
  }
  const figures = Object.fromEntries(FIGURES.map(([key]) => [key, null]));
  const notes = {};
  const started = Date.now();
  const machineAtStart = machineCpu();
  for (const part of parts) {
    const t = Date.now();
    const machineBefore = machineCpu();
    console.log(`== ${part}`);
    if (profile) process.env.BENCH_CPU_PROF_DIR = join(outDir, 'profiles', part);
    try {
      const out = await require(`./parts/${part}`)({ rounds, seconds, log: (line) => console.log(`  ${line}`) });
      Object.assign(figures, out.figures);
      Object.assign(notes, out.notes);
    } catch (err) {
      console.log(`  FAILED: ${err.stack ?? err}`);
      notes[`${part}_failed`] = String(err.message ?? err);
    }
    const steal = stealPercent(machineBefore, machineCpu());
    console.log(
      `  (${part}: ${((Date.now() - t) / 1000).toFixed(0)} s${steal === null ? '' : `; CPU taken by the host: ${steal.toFixed(0)}%`})`,
    );
  }
  const steal = stealPercent(machineAtStart, machineCpu());
  // Absolute figures (requests a second, p99) move with this: the host's other guests ran on these cores.
  if (steal !== null) notes.machine = `CPU taken by the host (steal, /proc/stat) over the run: ${steal.toFixed(1)}%`;
  printTable(figures, notes);
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(figures, null, 2)}\n`);
  writeFileSync(join(outDir, 'notes.json'), `${JSON.stringify(notes, null, 2)}\n`);
  console.log(
    `\nwritten: .bench/results.json${profile ? ', CPU profiles in .bench/profiles/<part>/<process>/' : ''}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
  );
}

function fmt(v, unit) {
  if (v === null || v === undefined) return 'not measured';
  if (unit === 'x') return `${v.toFixed(2)}x`;
  return `${v >= 100 ? Math.round(v) : Number(v.toFixed(1))}${unit ? ` ${unit}` : ''}`;
}

function printTable(figures, notes) {
  const rows = [['figure', 'platform', 'floor', 'goal', 'met?', 'references (same run)']];
  for (const [key, label, unit, floor, goal, better] of FIGURES) {
    const v = figures[key];
    const ok = (bound) => (bound === null ? true : better === 'higher' ? v >= bound : v <= bound);
    const met =
      v === null
        ? '-'
        : floor === null
          ? ok(goal)
            ? 'goal'
            : 'n/a'
          : ok(goal) && goal !== null
            ? 'goal'
            : ok(floor)
              ? 'floor'
              : 'NO';
    const cmp = better === 'higher' ? '>=' : '<=';
    rows.push([
      label,
      fmt(v, unit),
      floor === null ? '-' : `${cmp} ${fmt(floor, unit)}`,
      goal === null ? '-' : `${cmp} ${fmt(goal, unit)}`,
      met,
      notes[key] ?? '',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('');
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j]))).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
  if (notes.machine) console.log(`\nmachine: ${notes.machine}`);
  for (const [k, v] of Object.entries(notes))
    if (k.endsWith('_failed') || k.endsWith('_failures')) console.log(`${k}: ${v}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
