import { ConfigError } from './config';
import { saveResolveCache } from './resolve-cache';
import { releaseYoungGeneration } from './young-generation';

/**
 * Runs a service's boot sequence; a bad configuration prints its readable message and exits 1,
 * any other boot failure is printed (message only) and exits 1 too.
 *
 * With `OGP_RESOLVE_CACHE_WARM=1` it boots nothing: main.ts's imports are loaded by then, so it
 * writes where they were found (resolve-cache) and exits. The image build runs it once per service,
 * since a container's node_modules is not writable at run time.
 */
export function runMain(service: string, boot: () => Promise<void>): void {
  if (process.env.OGP_RESOLVE_CACHE_WARM === '1') {
    saveResolveCache();
    process.exit(0);
  }
  boot().then(
    () => {
      saveResolveCache();
      releaseYoungGeneration();
    },
    (err: unknown) => {
      if (err instanceof ConfigError) {
        process.stderr.write(`${service}: ${err.message}\n`);
      } else {
        process.stderr.write(`${service}: failed to start: ${(err as Error)?.message ?? String(err)}\n`);
      }
      process.exit(1);
    },
  );
}
