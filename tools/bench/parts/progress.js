// A progress report (HTTP, through the gateway) to the new progress readable, on plans of 1k and
// 100k activities (tools/bench/commitments.js).
const runScript = require('./script');

module.exports = async function progress({ log }) {
  const out = await runScript('commitments.js', { BENCH_SAMPLES: process.env.BENCH_SAMPLES ?? '100' }, log);
  return {
    figures: {
      progress_p50_ms_1k: runScript.number(out, /plan of 10 commitments\s+p50\s+([\d.]+) ms/),
      progress_p50_ms_100k: runScript.number(out, /plan of 1000 commitments\s+p50\s+([\d.]+) ms/),
    },
    notes: {},
  };
};
