// One load run, in its own process (autocannon in the benchmark's process would take CPU from the
// systems measured): node load.js '{"url":..., "connections":64, "duration":5, "headers":{}}'
// Prints one JSON line: requests/s, latency percentiles, errors and non-2xx answers.
const autocannon = require('autocannon');

const options = JSON.parse(process.argv[2]);
autocannon({ connections: 64, duration: 5, ...options }, (err, r) => {
  if (err) {
    process.stdout.write(`${JSON.stringify({ error: String(err) })}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `${JSON.stringify({ rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, bytes: r.throughput.total })}\n`,
  );
});
