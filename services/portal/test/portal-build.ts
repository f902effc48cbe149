import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PORTAL_DIR = join(__dirname, '..');
export const NEXT_BIN = join(PORTAL_DIR, '..', '..', 'node_modules', 'next', 'dist', 'bin', 'next');
const SOURCES = [
  'app',
  'components',
  'config',
  'gateway',
  'i18n',
  'messages',
  'security',
  'session',
  'styles',
  'features',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.mjs',
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

function fresh(): boolean {
  const buildId = join(PORTAL_DIR, '.next', 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  return builtAt > 0 && SOURCES.every((s) => newest(join(PORTAL_DIR, s)) <= builtAt);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * A production build of the portal (`next build`), rebuilt only when a source is newer than the
 * last build; suites running in parallel workers build once (a lock directory).
 */
export function ensurePortalBuild(): void {
  if (fresh()) return;
  const lock = join(PORTAL_DIR, '.next-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than 10 minutes is left over from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000)
        rmSync(lock, { recursive: true, force: true });
      sleep(1000);
    }
  }
  try {
    if (!fresh()) build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function build(): void {
  try {
    execFileSync(process.execPath, [NEXT_BIN, 'build'], {
      cwd: PORTAL_DIR,
      stdio: 'pipe',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`next build failed:\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`);
  }
}
