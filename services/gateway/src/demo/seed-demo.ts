import 'reflect-metadata';
import { runMain } from '@ogp/runtime';
import { ensureAccount } from '../cli/ensure-account';
import { withGatewayContext } from '../cli/gateway-context';
import { UsersService } from '../identity/users.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.constant';

/**
 * Demo data: one account per role, then the programmes through the running gateway (the same
 * path a coordinator takes). Safe to run again: what exists is left as it is.
 */
runMain('seed-demo', async () => {
  const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
  await withGatewayContext(async (context) => {
    const users = context.get(UsersService);
    for (const account of DEMO_ACCOUNTS) {
      const outcome = await ensureAccount(users, { email: account.email, password: DEMO_PASSWORD, displayName: account.displayName, roles: [account.role], language: account.language });
      process.stdout.write(`  account ${account.role.padEnd(17)} ${account.email.padEnd(28)} ${outcome}\n`);
    }
  });
  const login = await fetch(`${gateway}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordination@demo.ogp.ma', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`demo coordinator could not log in: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const programmes = [
    { code: 'OGP-MA', kind: 'ogp_national', name: { ar: 'برنامج الحكومة المنفتحة - المغرب', fr: 'Programme du gouvernement ouvert - Maroc', en: 'Open Government Programme - Morocco' } },
    { code: 'OGP-TTA', kind: 'ogp_local', name: { ar: 'الحكومة المنفتحة المحلية - جهة طنجة تطوان الحسيمة', fr: 'OGP Local - Région Tanger-Tétouan-Al Hoceïma', en: 'OGP Local - Tanger-Tetouan-Al Hoceima region' } },
    { code: 'SNLCC', kind: 'national_strategy', name: { ar: 'الاستراتيجية الوطنية لمكافحة الفساد', fr: 'Stratégie nationale de lutte contre la corruption', en: 'National anti-corruption strategy' } },
  ];
  for (const programme of programmes) {
    const res = await fetch(`${gateway}/programmes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, 'idempotency-key': `demo-${programme.code}` },
      body: JSON.stringify(programme),
    });
    const outcome = res.status === 201 ? 'created' : res.status === 409 ? 'exists' : `failed (${res.status})`;
    process.stdout.write(`  programme ${programme.code.padEnd(8)} ${outcome}\n`);
    if (res.status !== 201 && res.status !== 409) throw new Error(`could not create programme ${programme.code}`);
  }
});
