import { titled } from '../../../components/page-props';
import { openStaffPage } from '../../../components/coord/staff-page';
import type { StaffPageProps } from '../../../components/coord/staff-page';
import { TaskCards } from '../../../components/coord/space-nav';

export const generateMetadata = titled('admin.home.title');

/** The admin's start page: accounts, their audit trail, the background jobs. */
export default async function AdminHome(props: StaffPageProps) {
  const opened = await openStaffPage(props, '/admin', ['admin']);
  if (opened.view) return opened.view;
  const { locale, t } = opened;
  const base = `/${locale}/admin`;
  const tasks = [
    { href: `${base}/accounts`, title: t('admin.accounts.title'), body: t('admin.accounts.intro') },
    { href: `${base}/audit-trail`, title: t('admin.audit.title'), body: t('admin.audit.intro') },
    { href: `${base}/jobs`, title: t('admin.jobs.title'), body: t('admin.jobs.intro') },
  ];
  return (
    <section className="page-section" aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.home.title')}</h1>
      <TaskCards tasks={tasks} />
    </section>
  );
}
