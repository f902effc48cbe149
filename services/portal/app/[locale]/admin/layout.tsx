import type { ReactNode } from 'react';
import { SpaceNav } from '../../../components/coord/space-nav';
import { localeTools } from '../../../i18n/request-locale';
import '../../../styles/coord.css';

/** The admin's space: its pages as links above each page. Access is checked by each page (and again by the gateway). */
export default async function AdminLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale, t } = await localeTools(params);
  const base = `/${locale}/admin`;
  return (
    <>
      <SpaceNav
        label={t('admin.nav.label')}
        items={[
          { href: base, label: t('admin.nav.home') },
          { href: `${base}/accounts`, label: t('admin.accounts.title') },
          { href: `${base}/audit-trail`, label: t('admin.audit.title') },
          { href: `${base}/jobs`, label: t('admin.jobs.title') },
        ]}
      />
      {children}
    </>
  );
}
