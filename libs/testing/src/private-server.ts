import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './spawned-service';
import { waitFor } from './wait-for';

/** Postgres refuses to run as root: as root, its processes run as the `postgres` user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/**
 * A server of the suite's own (NATS, Redis or PostgreSQL) on a free port, for tests that kill, wipe or restart
 * it: the shared servers other suites use are never touched. Its data directory survives restarts.
 */
export class PrivateServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  readonly dataDir = mkdtempSync(join(tmpdir(), 'ogp-private-'));
  output = '';

  private constructor(
    readonly kind: 'nats' | 'redis' | 'postgres',
    readonly port: number,
  ) {}

  static async nats(): Promise<PrivateServer> {
    return new PrivateServer('nats', await freePort()).start();
  }

  static async redis(): Promise<PrivateServer> {
    return new PrivateServer('redis', await freePort()).start();
  }

  /**
   * A cluster of its own (initdb, trust for local connections), database `postgres`. No fsync (only an
   * OS crash would lose data), but commits stay synchronous: a killed server keeps what it acknowledged.
   */
  static async postgres(): Promise<PrivateServer> {
    return new PrivateServer('postgres', await freePort()).start();
  }

  get url(): string {
    if (this.kind === 'postgres') return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
    return this.kind === 'nats' ? `nats://127.0.0.1:${this.port}` : `redis://127.0.0.1:${this.port}`;
  }

  /** Starts (or starts again, same port and data) and waits until the port accepts connections. */
  async start(): Promise<this> {
    const user = this.kind === 'postgres' ? postgresUser() : undefined;
    if (this.kind === 'postgres' && !existsSync(join(this.dataDir, 'PG_VERSION'))) {
      if (user) chownSync(this.dataDir, user.uid, user.gid);
      execFileSync('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
        stdio: 'ignore',
        ...user,
      });
    }
    const [file, args] =
      this.kind === 'nats'
        ? ['/usr/sbin/nats-server', ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.dataDir]]
        : this.kind === 'redis'
          ? [
              'redis-server',
              [
                '--bind',
                '127.0.0.1',
                '--port',
                String(this.port),
                '--save',
                '',
                '--appendonly',
                'no',
                '--dir',
                this.dataDir,
              ],
            ]
          : [
              'postgres',
              [
                '-D',
                this.dataDir,
                '-p',
                String(this.port),
                '-k',
                this.dataDir,
                '-c',
                'listen_addresses=127.0.0.1',
                '-c',
                'fsync=off',
                '-c',
                'full_page_writes=off',
                '-c',
                'max_connections=300',
              ],
            ];
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...user });
    child.stdout?.on('data', (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4000)));
    child.stderr?.on('data', (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4000)));
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()));
    this.child = child;
    await waitFor(() => this.accepts(), {
      timeoutMs: 10000,
      intervalMs: 50,
      what: `private ${this.kind} on ${this.port}`,
    });
    return this;
  }

  /** Abrupt death, as a crash (SIGKILL; Postgres: SIGQUIT, its immediate shutdown, which takes its backends with it and recovers at the next start). */
  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill(this.kind === 'postgres' ? 'SIGQUIT' : 'SIGKILL');
    await this.exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private accepts(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port: this.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  }
}
