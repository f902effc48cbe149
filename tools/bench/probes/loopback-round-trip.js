// What one hop costs on this machine, with nothing of the platform in it: two Node processes
// exchange a 100-byte message over loopback TCP, one at a time (as a serial request crosses
// gateway, NATS, service and Postgres). Prints the round trip and the CPU each side spends on it.
//   node tools/bench/probes/loopback-round-trip.js [round trips, default 5000]
const net = require('node:net');
const { fork } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');

const TICK_US = 1e6 / (Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100);
const MESSAGE = 'x'.repeat(100);

/** User and system CPU of a process so far, in µs, from /proc. */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) * TICK_US, system: Number(fields[12]) * TICK_US };
}

if (process.argv[2] === 'echo') {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('data', (data) => socket.write(data));
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
} else {
  const count = Number(process.argv[2] ?? 5000);
  const echo = fork(__filename, ['echo']);
  echo.once('message', (port) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.setNoDelay(true);
      let left = count + 500; // the first 500 warm up
      let started = 0n;
      let before = null;
      socket.on('data', () => {
        left -= 1;
        if (left === count) {
          before = { client: process.cpuUsage(), echo: cpuOf(echo.pid) };
          started = process.hrtime.bigint();
        }
        if (left > 0) return socket.write(MESSAGE);
        const us = Number(process.hrtime.bigint() - started) / 1000 / count;
        const client = process.cpuUsage(before.client);
        const after = cpuOf(echo.pid);
        const per = (n) => (n / count).toFixed(1);
        console.log(`loopback TCP round trip, ${count} one at a time: ${us.toFixed(1)} µs`);
        console.log(`  CPU per round trip, client: user ${per(client.user)} µs, system ${per(client.system)} µs`);
        console.log(
          `  CPU per round trip, echo (/proc, ${TICK_US / 1000} ms ticks): user ${per(after.user - before.echo.user)} µs, system ${per(after.system - before.echo.system)} µs`,
        );
        socket.destroy();
        echo.kill();
      });
      socket.write(MESSAGE);
    });
  });
}
