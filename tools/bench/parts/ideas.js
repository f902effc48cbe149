// Idea submissions through the gateway, logged-in citizens, similar-idea check on (tools/bench/ideas.js).
const runScript = require('./script');

module.exports = async function ideas({ log }) {
  const out = await runScript('ideas.js', { BENCH_SECONDS: '10', BENCH_IDEAS: '1000' }, log);
  const mismatch = /MISMATCH/.test(out);
  return {
    figures: {
      ideas_per_s: runScript.number(out, /: (\d+) ideas\/s/),
      idea_pg_round_trips: runScript.number(out, /round trips per idea submission: median (\d+)/),
    },
    notes: {
      ideas_per_s: mismatch
        ? 'stored ideas differ from the accepted answers'
        : `32 clients (node:http, kept alive) for ${runScript.number(out, /setup: (\d+) citizens/)} citizens, hourly limit as shipped (refused: ${runScript.number(out, /refused: (\d+)/)}), 10 s after a 5 s warm-up, Postgres reached directly; CPU ms per idea per process in the log`,
      idea_pg_round_trips:
        'counted at the wire (Query/Sync messages of the transaction), 2 s of submissions through a counting relay',
    },
  };
};
