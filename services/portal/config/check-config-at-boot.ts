import { portalConfig } from './portal-config';

try {
  portalConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
