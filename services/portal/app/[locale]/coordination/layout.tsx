import type { ReactNode } from 'react';
import { SpaceNav } from '../../../components/coord/space-nav';
import { localeTools } from '../../../i18n/request-locale';
import '../../../styles/coord.css';

/** The coordination team's space: its pages as links above each page. Access is checked by each page (and again by the gateway). */
export default async function CoordinationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale, t } = await localeTools(params);
  const base = `/${locale}/coordination`;
  return (
    <>
      <SpaceNav
        label={t('coord.nav.label')}
        items={[
          { href: base, label: t('coord.nav.home') },
          { href: `${base}/plans`, label: t('coord.plans.title') },
          { href: `${base}/plans/import`, label: t('coord.import.title') },
          { href: `${base}/cycles`, label: t('coord.cycles.title') },
          { href: `${base}/ideas`, label: t('coord.triage.title') },
          { href: `${base}/workshops`, label: t('coord.workshop.list') },
          { href: `${base}/consultation`, label: t('coord.consultation.title') },
          { href: `${base}/committee`, label: t('coord.committee.title') },
          { href: `${base}/publications`, label: t('coord.publications.title') },
          { href: `${base}/reports`, label: t('coord.reports.title') },
        ]}
      />
      {children}
    </>
  );
}
