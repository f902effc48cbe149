import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './spawned-service';
import { waitFor } from './wait-for';

/**
 * A server of the suite's own (NATS or Redis) on a free port, for tests that kill, wipe or restart
 * it: the shared servers other suites use are never touched. Its data directory survives restarts.
 */
export class PrivateServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  readonly dataDir = mkdtempSync(join(tmpdir(), 'ogp-private-'));
  output = '';

  private constructor(
    readonly kind: 'nats' | 'redis',
    readonly port: number,
  ) {}

  static async nats(): Promise<PrivateServer> {
    return new PrivateServer('nats', await freePort()).start();
  }

  static async redis(): Promise<PrivateServer> {
    return new PrivateServer('redis', await freePort()).start();
  }

  get url(): string {
    return this.kind === 'nats' ? `nats://127.0.0.1:${this.port}` : `redis://127.0.0.1:${this.port}`;
  }

  /** Starts (or starts again, same port and data) and waits until the port accepts connections. */
  async start(): Promise<this> {
    const [file, args] =
      this.kind === 'nats'
        ? ['/usr/sbin/nats-server', ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.dataDir]]
        : ['redis-server', ['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'no', '--dir', this.dataDir]];
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4000)));
    child.stderr?.on('data', (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4000)));
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()));
    this.child = child;
    await waitFor(() => this.accepts(), { timeoutMs: 10000, intervalMs: 50, what: `private ${this.kind} on ${this.port}` });
    return this;
  }

  /** Abrupt death (SIGKILL), as a crash. */
  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGKILL');
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
