// A TCP relay in front of Postgres that counts round trips: every Query ('Q') or Sync ('S')
// message a client sends waits for the server's answer. Round trips are grouped by transaction
// (BEGIN/START TRANSACTION ... COMMIT/ROLLBACK on one connection, or one statement on its own),
// so a caller can read how many a given kind of transaction took.
const { createServer, connect } = require('node:net');

const now = () => Number(process.hrtime.bigint()) / 1e6;

class PgRoundTrips {
  constructor(target = { host: '127.0.0.1', port: 5432 }) {
    this.target = target;
    /**
     * One entry per finished transaction: { trips, text, steps } (text: the statements, cut to 4 KB;
     * steps: per round trip, its connection (a number), its statement (cut to 200 characters), when it was sent and when the
     * server was ready again, in ms from process.hrtime, so a caller can tell Postgres's share of a
     * transaction from the client's).
     */
    this.transactions = [];
    this.server = null;
    /** The local ports of the relay's connections to Postgres (to find their backends in pg_stat_activity). */
    this.upstreamPorts = new Set();
  }

  async listen() {
    this.server = createServer((client) => this.relay(client));
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.server.address().port;
  }

  /** The database URL, through this relay. */
  route(url) {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.server.address().port);
    return parsed.toString();
  }

  /** Round trips of the finished transactions whose statements match `re`. */
  tripsOf(re) {
    return this.transactions.filter((t) => re.test(t.text)).map((t) => t.trips);
  }

  close() {
    this.server?.close();
  }

  relay(client) {
    const conn = (this.connections = (this.connections ?? 0) + 1);
    const upstream = connect(this.target.port, this.target.host);
    // Without these, Nagle's algorithm holds a small write until the previous one is acknowledged, and
    // the peer's delayed ack makes that ~40 ms: a statement sent while another's answer is in flight.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    upstream.on('connect', () => this.upstreamPorts.add(upstream.localPort));
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    const sent = []; // the round trips awaiting the server's ReadyForQuery, oldest first
    let down = Buffer.alloc(0);
    upstream.on('data', (d) => {
      client.write(d);
      down = Buffer.concat([down, d]);
      // Server messages: type, length; a ReadyForQuery ('Z') ends a round trip (the one after
      // authentication answers none).
      while (down.length >= 5) {
        const len = down.readInt32BE(1);
        if (down.length < len + 1) break;
        if (down[0] === 0x5a) {
          const step = sent.shift();
          if (step) step.ready = now();
        }
        down = down.subarray(len + 1);
      }
    });
    let buf = Buffer.alloc(0);
    let startup = true;
    let open = null; // the transaction being counted: { trips, text, explicit }
    let pending = '';
    const prepared = new Map(); // this connection's named statements: name -> text
    const roundTrip = () => {
      const text = pending;
      pending = '';
      if (!open) open = { trips: 0, text: '', steps: [], explicit: /\b(BEGIN|START TRANSACTION)\b/i.test(text) };
      open.trips += 1;
      const step = { conn, text: text.trim().slice(0, 200), sent: now(), ready: null };
      open.steps.push(step);
      sent.push(step);
      if (open.text.length < 4096) open.text += `${text}\n`;
      if (!open.explicit || /\b(COMMIT|ROLLBACK)\b/i.test(text)) {
        this.transactions.push({ trips: open.trips, text: open.text, steps: open.steps });
        open = null;
      }
    };
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (;;) {
        if (startup) {
          if (buf.length < 8) return;
          const len = buf.readInt32BE(0);
          if (buf.length < len) return;
          const code = buf.readInt32BE(4);
          buf = buf.subarray(len);
          // SSL and GSS requests come before the real startup message.
          if (code !== 80877103 && code !== 80877104) startup = false;
          continue;
        }
        if (buf.length < 5) return;
        const type = String.fromCharCode(buf[0]);
        const len = buf.readInt32BE(1);
        if (buf.length < len + 1) return;
        const body = buf.subarray(5, len + 1);
        buf = buf.subarray(len + 1);
        if (type === 'Q') pending += body.toString('utf8').replace(/\0/g, ' ');
        if (type === 'P') {
          // Parse: statement name, text. A named statement is parsed once per connection, then only bound.
          const [name, text] = body.toString('utf8').split('\0');
          if (name) prepared.set(name, text);
          pending += `${text} `;
        }
        if (type === 'B') {
          // Bind: portal name, statement name; a named statement counts with its text.
          const from = body.indexOf(0) + 1;
          const name = body.toString('utf8', from, body.indexOf(0, from));
          if (name && !pending.includes(prepared.get(name) ?? '\0')) pending += `${prepared.get(name) ?? name} `;
        }
        if (type === 'Q' || type === 'S') roundTrip();
      }
    });
  }
}

module.exports = { PgRoundTrips };
