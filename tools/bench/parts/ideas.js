// Idea submissions through the gateway, logged-in citizens, similar-idea check on (tools/bench/ideas.js).
const runScript = require('./script');

module.exports = async function ideas({ log }) {
  const out = await runScript('ideas.js', { BENCH_SECONDS: '10', BENCH_IDEAS: '1000' }, log);
  const mismatch = /MISMATCH/.test(out);
  return {
    figures: { ideas_per_s: runScript.number(out, /: (\d+) ideas\/s/) },
    notes: { ideas_per_s: mismatch ? 'stored ideas differ from the accepted answers' : '32 clients, 10 s', idea_pg_round_trips: 'not counted yet' },
  };
};
