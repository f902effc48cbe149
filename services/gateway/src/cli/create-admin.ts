import 'reflect-metadata';
import { DomainError, ERROR_MESSAGES } from '@ogp/contracts';
import { runMain } from '@ogp/runtime';
import { PasswordPolicy } from '../identity/password-policy';
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
  const displayName = process.env.ADMIN_NAME ?? 'Administrator';
  if (!email || !password) throw new Error('set ADMIN_EMAIL and ADMIN_PASSWORD');
  try {
    // Checked before anything starts, with the policy's own words.
    PasswordPolicy.check(password, { email, displayName });
  } catch (err) {
    if (err instanceof DomainError)
      throw new Error(
        `ADMIN_PASSWORD: ${ERROR_MESSAGES[err.code].en.replace('{minLength}', String(PasswordPolicy.minLength))}`,
      );
    throw err;
  }
  const outcome = await withGatewayContext((context) =>
    ensureAccount(context.get(UsersService), { email, password, displayName, roles: ['admin'], language: 'ar' }),
  );
  process.stdout.write(`administrator ${email}: ${outcome}\n`);
});
