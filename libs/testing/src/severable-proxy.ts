import { createServer, Server, Socket, connect } from 'node:net';
import { freePort } from './spawned-service';

/** Postgres's ReadyForQuery message with the transaction status "idle": 'Z', length 5, 'I'. */
const READY_IDLE = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);

/**
 * A TCP relay to a shared server that a test can cut (every connection dropped, new ones refused)
 * and mend: what a process sees when that server dies, without touching the server others use.
 */
export class SeverableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private trap: { statement: string; cut: () => void } | null = null;

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async to(target: { host: string; port: number }): Promise<SeverableProxy> {
    const proxy = new SeverableProxy(await freePort(), target);
    await proxy.mend();
    return proxy;
  }

  /** A copy of `url` (postgres://, redis://...) that goes through this proxy. */
  route(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  async mend(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        // As the clients it stands between do: without it, Nagle holds a small write behind an unacknowledged one.
        s.setNoDelay(true);
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      let armed = false;
      client.on('data', (chunk: Buffer) => {
        if (this.trap && chunk.toString('latin1').includes(this.trap.statement)) armed = true;
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => {
        // The first ReadyForQuery saying "idle" after the statement: its transaction committed (an
        // explicit COMMIT, or the statement committed on its own). A failed one says 'E', not 'I'.
        const trap = armed && chunk.includes(READY_IDLE) ? this.trap : null;
        if (trap) this.trap = null;
        // Once the server's answer has reached the client, Postgres "dies".
        client.write(chunk, () => trap?.cut());
      });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  /**
   * Cuts the relay just after Postgres answers the commit of the first transaction that sent
   * `statement` (its COMMIT, or the statement itself when it ran on its own): the change is stored,
   * and whatever the process does next finds the server gone.
   */
  cutAfterCommitOf(statement: string): Promise<void> {
    return new Promise((resolve) => {
      this.trap = { statement, cut: () => void this.cut().then(resolve) };
    });
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
