import { titled } from '../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../components/coord/staff-page';
import type { StaffPageProps } from '../../../components/coord/staff-page';
import { TaskCards } from '../../../components/coord/space-nav';

export const generateMetadata = titled('coord.home.title');

/** The coordination team's start page: what they do every week, one link each. */
export default async function CoordinationHome(props: StaffPageProps) {
  const opened = await openStaffPage(props, '/coordination', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t } = opened;
  const base = `/${locale}/coordination`;
  const tasks = [
    { href: `${base}/plans`, title: t('coord.plans.title'), body: t('coord.plans.intro') },
    { href: `${base}/plans/import`, title: t('coord.import.title'), body: t('coord.import.intro') },
    { href: `${base}/cycles`, title: t('coord.cycles.title'), body: t('coord.cycles.intro') },
    { href: `${base}/ideas`, title: t('coord.triage.title'), body: t('coord.triage.intro') },
    { href: `${base}/workshops`, title: t('coord.workshop.list'), body: t('coord.workshop.intro') },
    { href: `${base}/consultation`, title: t('coord.consultation.title'), body: t('coord.consultation.intro') },
    { href: `${base}/committee`, title: t('coord.committee.title'), body: t('coord.committee.intro') },
    { href: `${base}/publications`, title: t('coord.publications.title'), body: t('coord.publications.intro') },
    { href: `${base}/reports`, title: t('coord.reports.title'), body: t('coord.reports.intro') },
  ];
  return (
    <section className="page-section" aria-labelledby="coord-title">
      <h1 id="coord-title">{t('coord.home.title')}</h1>
      <p className="lead">{t('coord.home.intro')}</p>
      <TaskCards tasks={tasks} />
    </section>
  );
}
