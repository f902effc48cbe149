// Each service's time from start to ready (/health/ready answers 200) on an existing schema (a
// first start ran the migrations), and its resident memory after it has idled a few seconds.
const { readFileSync } = require('node:fs');
const { SpawnedService, TestIsolation, freePort } = require('@ogp/testing');
const { cpuMs } = require('../common');

/** How often readiness is asked: the figure is late by up to this much. */
const POLL_MS = 20;
const SERVICES = ['gateway', 'commitments', 'participation', 'notifications', 'reporting'];
const rssMb = (pid) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);

module.exports = async function boot({ rounds, log }) {
  const iso = new TestIsolation();
  const boots = {};
  const cpu = {};
  const rss = {};
  try {
    for (const name of SERVICES) {
      const make = async () =>
        new SpawnedService(
          name,
          iso.env(name, { HTTP_PORT: String(await freePort()), LOG_LEVEL: 'warn', NODE_ENV: 'production' }),
        );
      const first = (await make()).start();
      await first.ready(60000);
      await first.stop();
      boots[name] = [];
      cpu[name] = [];
      for (let i = 0; i < rounds; i++) {
        const s = await make();
        const t = performance.now();
        s.start();
        await s.ready(60000, POLL_MS);
        boots[name].push(performance.now() - t);
        cpu[name].push(cpuMs(s.pid));
        if (i === rounds - 1) {
          await new Promise((r) => setTimeout(r, 5000));
          rss[name] = rssMb(s.pid);
        }
        await s.stop();
      }
      boots[name].sort((a, b) => a - b);
      cpu[name].sort((a, b) => a - b);
      log(
        `${name.padEnd(14)} ready in ${boots[name].map((ms) => Math.round(ms)).join(' / ')} ms (CPU ${cpu[name].join(' / ')} ms); idle RSS ${rss[name]} MB`,
      );
    }
  } finally {
    await iso.cleanup();
  }
  const median = (xs) => xs[Math.floor(xs.length / 2)];
  const slowest = SERVICES.reduce((a, b) => (median(boots[b]) > median(boots[a]) ? b : a));
  const largest = SERVICES.reduce((a, b) => (rss[b] > rss[a] ? b : a));
  return {
    figures: { boot_ms_max: median(boots[slowest]), idle_rss_mb_max: rss[largest] },
    notes: {
      boot_ms_max: `${slowest} (median of ${rounds}; polled every ${POLL_MS} ms; CPU to ready, median: ${SERVICES.map((n) => `${n} ${median(cpu[n])}`).join(', ')} ms)`,
      idle_rss_mb_max: `${largest}; ${SERVICES.map((n) => `${n} ${rss[n]}`).join(', ')} MB`,
    },
  };
};
