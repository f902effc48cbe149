// The overdue sweep over 1M activities a day after the previous sweep, 1% of them newly overdue, then
// again the same day (tools/bench/reporting.js, sweeps only), in a reporting process started fresh for them.
const runScript = require('./script');

module.exports = async function sweep({ log }) {
  const out = await runScript('reporting.js', { BENCH_SWEEP_ONLY: '1' }, log);
  const line = /sweep overdue .*/.exec(out)?.[0] ?? '';
  const secs = runScript.number(line, /activities: ([\d.]+) s/);
  return {
    figures: {
      sweep_1m_ms: secs === null ? null : secs * 1000,
      sweep_again_ms: runScript.number(line, /in (\d+) ms\)/),
      sweep_peak_mb: runScript.number(line, /peak RSS (\d+) MB/),
    },
    notes: {
      sweep_peak_mb: `peak RSS of a reporting process started fresh for the measured sweeps (boot included; RSS ${runScript.number(line, /RSS (\d+) MB before them/)} MB before them)`,
    },
  };
};
