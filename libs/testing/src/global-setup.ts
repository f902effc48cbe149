import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { assertServersReachable } from './servers';

/**
 * Before any suite: the servers must answer, and the services are compiled, because several
 * suites run them as real processes (the same start command as their images).
 */
export default async function globalSetup(): Promise<void> {
  await assertServersReachable();
  const root = join(__dirname, '..', '..', '..');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  );
}
