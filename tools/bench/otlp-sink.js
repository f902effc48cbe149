// A stand-in OpenTelemetry collector for the tracing benchmark: accepts OTLP/HTTP posts on
// /v1/traces and drops them, counting spans (printed on SIGTERM), so tracing runs its full path.
const { createServer } = require('node:http');

let posts = 0;
let bytes = 0;
const server = createServer((req, res) => {
  req.on('data', (c) => (bytes += c.length));
  req.on('end', () => {
    posts += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('READY\n'));
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify({ posts, bytes })}\n`);
  process.exit(0);
});
