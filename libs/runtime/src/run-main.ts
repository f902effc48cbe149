import { ConfigError } from './config';
import { releaseYoungGeneration } from './young-generation';

/**
 * Runs a service's boot sequence; a bad configuration prints its readable message and exits 1,
 * any other boot failure is printed (message only) and exits 1 too.
 */
export function runMain(service: string, boot: () => Promise<void>): void {
  boot().then(releaseYoungGeneration, (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${service}: ${err.message}\n`);
    } else {
      process.stderr.write(`${service}: failed to start: ${(err as Error)?.message ?? String(err)}\n`);
    }
    process.exit(1);
  });
}
