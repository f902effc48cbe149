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

/** Ports this process handed out: a service given one may not listen yet. */
const handedOut = new Set<number>();
/** Ports of its own for each Jest worker, below Linux's ephemeral range (32768-60999). */
const WORKER_PORTS = { first: 10000, span: 2000, ranges: 10 };

/**
 * A TCP port nobody listens on right now, for a spawned service; never the same one twice in a
 * process. Under Jest, each worker draws from a range of its own: a port handed out stays free until
 * its service listens (a second or so of boot), and a worker running another suite at the same
 * time must not get it meanwhile (its service would take the port, and this one's readiness check
 * would be answered by that one). Outside Jest, the system picks.
 */
export async function freePort(): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID ?? 0);
  for (let attempt = 0; attempt < 100; attempt++) {
    const wanted = worker
      ? WORKER_PORTS.first +
        ((worker - 1) % WORKER_PORTS.ranges) * WORKER_PORTS.span +
        Math.floor(Math.random() * WORKER_PORTS.span)
      : 0;
    if (handedOut.has(wanted)) continue;
    const port = await listenable(wanted);
    if (port === null || handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error('no free TCP port found in 100 attempts');
}

/** Binds `port` (0: any) on the loopback and lets it go: the port, or null if it is taken. */
function listenable(port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EADDRINUSE' || err.code === 'EACCES' ? resolve(null) : reject(err),
    );
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}
