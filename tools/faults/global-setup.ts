import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The services run as real processes (their images' start command): they are compiled first. */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..', '..');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  );
}
