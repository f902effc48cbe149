// Live progress (tools/bench/live.js): a progress report to its update on 100 open plan streams
// relayed by the portal, p50 and p99; the gateway's and the portal's RSS with 1,000 open streams.
const runScript = require('./script');

module.exports = async function live({ log }) {
  const out = await runScript('live.js', {}, log);
  return {
    figures: {
      live_p50_ms: runScript.number(out, /open plan streams[^\n]*\n\s+p50 (\d+) ms/),
      live_p99_ms: runScript.number(out, /open plan streams[^\n]*\n\s+p50 \d+ ms\s+p99 (\d+) ms/),
      live_gateway_rss_mb_1k: runScript.number(out, /gateway (\d+) MB \(idle/),
      live_portal_rss_mb_1k: runScript.number(out, /portal\s+(\d+) MB \(idle/),
    },
    notes: {},
  };
};
