// Events outbox -> relay -> JetStream -> consumer applied, counted at the far end (tools/bench/events.js).
const runScript = require('./script');

module.exports = async function events({ log }) {
  const out = await runScript('events.js', { BENCH_EVENTS: process.env.BENCH_EVENTS ?? '20000' }, log);
  const lost = runScript.number(out, /lost (\d+)/);
  const twice = runScript.number(out, /handled twice (\d+)/);
  return {
    figures: { events_per_s: lost === 0 && twice === 0 ? runScript.number(out, /= (\d+) events\/s/) : null },
    notes: { events_per_s: `lost ${lost}, applied twice ${twice}` },
  };
};
