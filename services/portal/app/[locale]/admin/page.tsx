import type { Metadata } from 'next';
import { NotAllowed, staffAccount } from '../../../components/coord/staff-access';
import { localeTools } from '../../../i18n/request-locale';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeTools(params);
  return { title: t('admin.home.title') };
}

/** The admin's start page: accounts, their audit trail, the background jobs. */
export default async function AdminHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeTools(params);
  if (!(await staffAccount(locale, '/admin', ['admin']))) return <NotAllowed locale={locale} t={t} />;
  const base = `/${locale}/admin`;
  const tasks = [
    { href: `${base}/accounts`, title: t('admin.accounts.title'), body: t('admin.accounts.intro') },
    { href: `${base}/audit-trail`, title: t('admin.audit.title'), body: t('admin.audit.intro') },
    { href: `${base}/jobs`, title: t('admin.jobs.title'), body: t('admin.jobs.intro') },
  ];
  return (
    <section className="page-section" aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.home.title')}</h1>
      <ul className="section-list">
        {tasks.map((task) => (
          <li key={task.href} className="card">
            <h2 className="card-title">
              <a href={task.href}>{task.title}</a>
            </h2>
            <p>{task.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
