import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';

interface ResolveCacheFile {
  fingerprint: string;
  entries: Record<string, string>;
}

type ResolveFilename = (
  request: string,
  parent: { filename?: string | null } | undefined,
  ...rest: unknown[]
) => string;
const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };

let state: {
  file: string;
  fingerprint: string;
  entries: Map<string, string>;
  added: number;
  original: ResolveFilename;
} | null = null;

/** The nearest node_modules/.package-lock.json above `from` (npm rewrites it on every install). */
function findLockfile(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.package-lock.json');
    try {
      statSync(candidate);
      return candidate;
    } catch {
      if (dirname(dir) === dir) return null;
    }
  }
}

/**
 * Where `require` found each package file last time this service started, so that the next start
 * does not search for them again.
 *
 * Node resolves every `require` by probing node_modules directories, extensions and package.json
 * fields, with a stat system call per probe. A service loads 2,100 to 2,300 modules through 5,500
 * resolutions; on the 2-core machine of the benchmarks they took 290 ms of the gateway's 1,050 ms
 * of module loading (measured by timing `Module._resolveFilename`).
 *
 * Only resolutions whose answer depends on node_modules alone are kept: a package name, or a
 * relative path asked from a file inside node_modules. The project's own files (libs, services)
 * are resolved as usual, so a rebuild that moves them needs no invalidation. The cache is keyed
 * by node_modules/.package-lock.json (its size and mtime: npm rewrites it on every install), the
 * Node.js version and the resolution flags; any change drops it. It lives in
 * node_modules/.cache/ogp-resolve/, one file per entry script, written once the service is ready
 * (`saveResolveCache`), atomically; a read-only file system only means no cache.
 * `OGP_RESOLVE_CACHE=off` turns it off.
 */
export function installResolveCache(entry = process.argv[1]): void {
  if (state || !entry || process.env.OGP_RESOLVE_CACHE === 'off') return;
  const lockfile = findLockfile(dirname(entry));
  if (!lockfile) return;
  let lock;
  try {
    lock = statSync(lockfile);
  } catch {
    return;
  }
  const fingerprint = [
    lock.size,
    lock.mtimeMs,
    process.version,
    process.execArgv.filter((a) => /^(--conditions|-C|--preserve-symlinks)/.test(a)).join(' '),
    process.env.NODE_OPTIONS ?? '',
  ].join('|');
  const file = join(
    dirname(lockfile),
    '.cache',
    'ogp-resolve',
    `${createHash('sha256').update(entry).digest('hex').slice(0, 16)}.json`,
  );
  let entries = new Map<string, string>();
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as ResolveCacheFile;
    if (saved.fingerprint === fingerprint) entries = new Map(Object.entries(saved.entries));
  } catch {
    // none yet, or unreadable: start empty
  }
  const original = moduleInternals._resolveFilename;
  state = { file, fingerprint, entries, added: 0, original };
  moduleInternals._resolveFilename = function (this: unknown, request, parent, ...rest) {
    const from = parent?.filename;
    // Built-ins, the entry script, calls with options (paths), and the project's own relative requires: as usual.
    if (!state || !from || rest[1] !== undefined || request.startsWith('node:')) {
      return original.call(this, request, parent, ...rest);
    }
    const relative = request.startsWith('.') || request.startsWith('/');
    if (relative && !from.includes('/node_modules/')) return original.call(this, request, parent, ...rest);
    const key = `${dirname(from)}\0${request}`;
    const hit = state.entries.get(key);
    if (hit !== undefined) return hit;
    const found = original.call(this, request, parent, ...rest);
    // Only files: built-in modules answer with their bare name.
    if (found.startsWith('/')) {
      state.entries.set(key, found);
      state.added += 1;
    }
    return found;
  };
}

/**
 * Writes what this start resolved, if anything was new, then stops recording (resolutions after
 * boot are few and go the usual way). Never throws.
 */
export function saveResolveCache(): void {
  if (!state) return;
  const { file, fingerprint, entries, added, original } = state;
  state = null;
  moduleInternals._resolveFilename = original;
  if (added === 0) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    const saved: ResolveCacheFile = { fingerprint, entries: Object.fromEntries(entries) };
    writeFileSync(temporary, JSON.stringify(saved));
    renameSync(temporary, file);
  } catch {
    // read-only or full: the next start resolves as usual
  }
}
