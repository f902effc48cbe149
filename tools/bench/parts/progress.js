// A progress report (HTTP, through the gateway) to the new progress readable, on plans of 1k and
// 100k activities (tools/bench/commitments.js).
const runScript = require('./script');

/** The note beside a figure: the p50s of the report and of the plan read, and the CPU of a cycle summed over the processes. */
function parts(out, commitments) {
  const label = `plan of ${commitments} commitments`;
  const split = new RegExp(`${label}\\s+p50 of its parts: .*?([\\d.]+) ms, then the plan \\(GET\\) ([\\d.]+) ms`).exec(
    out,
  );
  const cpu = new RegExp(`${label}\\s+CPU per report and read: .*; in all ([\\d.]+) ms`).exec(out);
  if (!split || !cpu) return undefined;
  return `report ${split[1]} ms + plan read ${split[2]} ms; CPU per cycle summed over services, Postgres, NATS and client ${cpu[1]} ms`;
}

module.exports = async function progress({ log }) {
  const out = await runScript('commitments.js', { BENCH_SAMPLES: process.env.BENCH_SAMPLES ?? '400' }, log);
  const notes = { progress_p50_ms_1k: parts(out, 10), progress_p50_ms_100k: parts(out, 1000) };
  return {
    figures: {
      progress_p50_ms_1k: runScript.number(out, /plan of 10 commitments\s+p50\s+([\d.]+) ms/),
      progress_p50_ms_100k: runScript.number(out, /plan of 1000 commitments\s+p50\s+([\d.]+) ms/),
    },
    notes: Object.fromEntries(Object.entries(notes).filter(([, note]) => note)),
  };
};
