import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * A service run as a real process with the same start command as its image
 * (`node services/<name>/dist/main.js`), its output kept for assertions.
 */
export class SpawnedService {
  private child: ChildProcess | null = null;
  output = '';
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  /** `command` defaults to the images' start command for this service. */
  constructor(
    readonly service: string,
    private readonly env: Record<string, string>,
    private readonly command: string[] = [process.execPath, join(ROOT, 'services', service, 'dist', 'main.js')],
  ) {}

  get port(): number {
    return Number(this.env.HTTP_PORT);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): this {
    this.output = '';
    this.exitCode = null;
    const [file, ...args] = this.command;
    // `npm run bench -- --profile`: every service writes a CPU profile on exit, one folder per service.
    const profileDir = process.env.BENCH_CPU_PROF_DIR;
    if (profileDir && file === process.execPath)
      args.unshift('--cpu-prof', `--cpu-prof-dir=${join(profileDir, this.service)}`);
    const child = spawn(file, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.exitSignal = signal;
        resolve((this.exitCode = code ?? 128));
      }),
    );
    this.child = child;
    return this;
  }

  /** Waits until /health/ready answers 200, asking every `intervalMs`. */
  async ready(timeoutMs = 30000, intervalMs = 150): Promise<this> {
    await waitFor(
      async () => {
        if (this.exitCode !== null)
          throw new Error(`${this.service} exited with ${this.exitCode}: ${this.output.slice(-2000)}`);
        const res = await fetch(`http://127.0.0.1:${this.port}/health/ready`).catch(() => null);
        return res?.status === 200;
      },
      { timeoutMs, what: `${this.service} readiness`, intervalMs },
    );
    return this;
  }

  /** Graceful stop (SIGTERM), as an orchestrator does. */
  async stop(): Promise<number | null> {
    if (!this.child || this.exitCode !== null) return this.exitCode;
    this.child.kill('SIGTERM');
    return this.exited;
  }

  /** Abrupt death (SIGKILL): nothing runs after it. */
  async kill(): Promise<number | null> {
    if (!this.child || this.exitCode !== null) return this.exitCode;
    this.child.kill('SIGKILL');
    return this.exited;
  }

  waitForExit(): Promise<number | null> {
    return this.exited;
  }
}

/** A TCP port nobody listens on right now, for a spawned service. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
