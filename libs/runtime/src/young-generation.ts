import { setFlagsFromString } from 'node:v8';

/** V8's default (`node --v8-options`), given back once the service is ready. */
const DEFAULT_SEMI_SPACE_GROWTH_FACTOR = 2;
const OPERATOR_FLAGS = /--(semi-space-growth-factor|max-semi-space-size|min-semi-space-size|semi-space-size)/;

let held = false;

/**
 * Loading a service's modules keeps almost everything it allocates, so V8 grows the young
 * generation to its maximum (2 x 16 MB) during boot and keeps it, committed and idle, for the life
 * of the process (17-26 MB of a service's idle RSS, measured). Held at its initial size while the
 * modules load (more, smaller scavenges: about 40 ms more CPU in the gateway's 800 ms boot), it
 * grows again as usual under load once the service is ready, and stays small at rest. Left alone
 * when the operator sets these flags (NODE_OPTIONS or the command line).
 */
export function holdYoungGeneration(): void {
  if (held || OPERATOR_FLAGS.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`)) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  held = true;
}

/** Lets the young generation grow again (runMain calls it once the service is ready). */
export function releaseYoungGeneration(): void {
  if (!held) return;
  setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_SEMI_SPACE_GROWTH_FACTOR}`);
  held = false;
}
