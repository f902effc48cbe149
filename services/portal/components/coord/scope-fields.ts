import 'server-only';
import { gateway } from '../../gateway/gateway-client';
import type { InstitutionView, Page, ProgrammeView } from '../../gateway/views';
import { Locale } from '../../i18n/locales';
import { pick } from '../../i18n/localized-text';
import { Translate } from '../../i18n/translator';
import type { FormField } from '../citizen/form-field';
import { ACCOUNT_ROLES } from './admin-views';

/** The role (one) and the scope boxes of an account form: each institution and programme a checkbox, checked when in `scopes`. */
export async function accessFields(
  locale: Locale,
  t: Translate,
  current?: { role?: string; scopes?: { institutions: string[]; programmes: string[] } },
): Promise<FormField[]> {
  const api = await gateway.public(locale);
  const [institutions, programmes] = await Promise.all([
    api.get<Page<InstitutionView>>('/institutions', { query: { limit: 100 } }),
    api.get<Page<ProgrammeView>>('/programmes', { query: { limit: 100 } }),
  ]);
  return [
    {
      name: 'role',
      label: t('admin.account.role'),
      type: 'radio',
      required: true,
      defaultValue: current?.role ?? 'project_manager',
      options: ACCOUNT_ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) })),
    },
    ...programmes.items.map((p): FormField => ({
      name: `programme-${p.id}`,
      label: t('admin.account.scopeProgramme', { name: pick(p.name, locale) }),
      type: 'checkbox',
      defaultValue: current?.scopes?.programmes.includes(p.id) ? 'true' : '',
    })),
    ...institutions.items.map((i): FormField => ({
      name: `institution-${i.id}`,
      label: t('admin.account.scopeInstitution', { name: pick(i.name, locale) }),
      type: 'checkbox',
      defaultValue: current?.scopes?.institutions.includes(i.id) ? 'true' : '',
    })),
  ];
}
