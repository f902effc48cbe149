import 'reflect-metadata';
import { runMain } from '@ogp/runtime';
import { UsersService } from '../identity/users.service';
import { ensureAccount } from './ensure-account';
import { withGatewayContext } from './gateway-context';

/**
 * Bootstraps the first administrator of a fresh deployment:
 *   ADMIN_EMAIL=... ADMIN_PASSWORD=... node services/gateway/dist/cli/create-admin.js
 */
runMain('create-admin', async () => {
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password || password.length < 12) throw new Error('set ADMIN_EMAIL and ADMIN_PASSWORD (12 characters or more)');
  const outcome = await withGatewayContext((context) =>
    ensureAccount(context.get(UsersService), { email, password, displayName: process.env.ADMIN_NAME ?? 'Administrator', roles: ['admin'], language: 'ar' }),
  );
  process.stdout.write(`administrator ${email}: ${outcome}\n`);
});
