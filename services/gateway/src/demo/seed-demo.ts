import 'reflect-metadata';
import { runMain } from '@ogp/runtime';
import { ensureAccount } from '../cli/ensure-account';
import { withGatewayContext } from '../cli/gateway-context';
import { UsersService } from '../identity/users.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.constant';
import plan2018 from './ogp-morocco-2018-2020.plan.json';

/** Commitments completed in full in the demo; with the rest at 80 % the plan stands at 84.44 %. */
const COMPLETE = new Set([4, 6, 7, 15]);

type Json = Record<string, unknown>;

/**
 * Demo data, through the same paths people use: accounts, the programmes, Morocco's 2018-2020
 * plan through the plan import, and progress reports. Safe to run again: what exists stays.
 */
runMain('seed-demo', async () => {
  const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
  const say = (line: string) => process.stdout.write(`  ${line}\n`);
  const accounts = (
    roles: string[],
    scopes: (role: string) => { institutions: string[]; programmes: string[] } | undefined,
  ) =>
    withGatewayContext(async (context) => {
      const users = context.get(UsersService);
      for (const a of DEMO_ACCOUNTS.filter((x) => roles.includes(x.role))) {
        const outcome = await ensureAccount(users, {
          email: a.email,
          password: DEMO_PASSWORD,
          displayName: a.displayName,
          roles: [a.role],
          language: a.language,
          scopes: scopes(a.role),
        });
        say(`account ${a.role.padEnd(17)} ${a.email.padEnd(28)} ${outcome}`);
      }
    });
  const call = async (
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${gateway}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
  };

  await accounts(['admin', 'coordinator'], () => undefined);
  const login = await call('POST', '/auth/login', null, { email: 'coordination@demo.ogp.ma', password: DEMO_PASSWORD });
  if (login.status !== 200) throw new Error(`demo coordinator could not log in: ${login.status}`);
  const token = login.body.accessToken as string;

  const programmes = [
    {
      code: 'OGP-MA',
      kind: 'ogp_national',
      name: {
        ar: 'برنامج الحكومة المنفتحة - المغرب',
        fr: 'Programme du gouvernement ouvert - Maroc',
        en: 'Open Government Programme - Morocco',
      },
    },
    {
      code: 'OGP-TTA',
      kind: 'ogp_local',
      name: {
        ar: 'الحكومة المنفتحة المحلية - جهة طنجة تطوان الحسيمة',
        fr: 'OGP Local - Région Tanger-Tétouan-Al Hoceïma',
        en: 'OGP Local - Tanger-Tetouan-Al Hoceima region',
      },
    },
    {
      code: 'SNLCC',
      kind: 'national_strategy',
      name: {
        ar: 'الاستراتيجية الوطنية لمكافحة الفساد',
        fr: 'Stratégie nationale de lutte contre la corruption',
        en: 'National anti-corruption strategy',
      },
    },
  ];
  for (const programme of programmes) {
    const res = await call('POST', '/programmes', token, programme, `demo-${programme.code}`);
    if (res.status !== 201 && res.status !== 409)
      throw new Error(`could not create programme ${programme.code}: ${res.status}`);
    say(`programme ${programme.code.padEnd(8)} ready`);
  }

  const imported = await call('POST', '/plans/import', token, plan2018);
  if (imported.status === 201) {
    say(`plan 2018-2020 imported: ${imported.body.commitments} commitments, ${imported.body.activities} activities`);
    const list = await call('GET', `/commitments?planId=${imported.body.planId}&limit=100`, null);
    for (const c of list.body.items as { id: string; number: number }[]) {
      const card = await call('GET', `/commitments/${c.id}`, null);
      const activities = card.body.activities as { id: string; endDate: string }[];
      const done = COMPLETE.has(c.number) ? activities : activities.slice(0, 2);
      for (const a of done) {
        const r = await call('POST', `/commitments/${c.id}/progress`, token, {
          activityId: a.id,
          done: true,
          reportedOn: a.endDate,
          results: { ar: 'تم الإنجاز', fr: 'Réalisé', en: 'Done' },
        });
        if (r.status !== 201) throw new Error(`progress report failed: ${r.status} ${JSON.stringify(r.body)}`);
      }
    }
    const planView = await call('GET', `/plans/${imported.body.planId}`, null);
    say(`plan 2018-2020 progress: ${planView.body.progress} %`);
  } else if (imported.status === 409) {
    say('plan 2018-2020 exists');
  } else {
    throw new Error(`plan import failed: ${imported.status} ${JSON.stringify(imported.body).slice(0, 500)}`);
  }

  const institutions = (await call('GET', '/institutions?limit=100', null)).body.items as Json[];
  const ministry = institutions.find((i) => i.code === 'MRAFP')?.id as string;
  const ogp = ((await call('GET', '/programmes?limit=100', null)).body.items as Json[]).find((p) => p.code === 'OGP-MA')
    ?.id as string;
  await accounts(['project_manager', 'committee_member', 'cso', 'citizen'], (role) =>
    role === 'project_manager'
      ? { institutions: [ministry], programmes: [ogp] }
      : role === 'committee_member'
        ? { institutions: [], programmes: [ogp] }
        : undefined,
  );
});
