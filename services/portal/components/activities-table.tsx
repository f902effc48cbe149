import type { ActivityView } from '../gateway/views';
import type { Formatter } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import type { Translate } from '../i18n/translator';
import { DataTable } from './filters';
import { Localized } from './localized';

/**
 * A commitment's activities, an overdue one marked: its title, (`full`: its start), its end, (`full`:
 * its weight), its status as `statusLabel` names it and its progress. The public commitment page shows
 * them in full, a project manager's page without the start and the weight (edited beside it).
 */
export function ActivitiesTable({
  activities,
  full,
  statusLabel,
  locale,
  t,
  f,
}: {
  activities: ActivityView[];
  full: boolean;
  statusLabel: (status: string) => string;
  locale: Locale;
  t: Translate;
  f: Formatter;
}) {
  return (
    <DataTable
      columns={[
        t('commitment.activity'),
        ...(full ? [t('commitment.start')] : []),
        t('commitment.end'),
        ...(full ? [{ label: t('commitment.weight'), className: 'num' }] : []),
        t('commitment.activityStatus'),
        { label: t('common.progress'), className: 'num' },
      ]}
    >
      {activities.map((a) => (
        <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
          <th scope="row">
            <Localized text={a.title} locale={locale} />
            {a.overdue ? <span className="badge badge-warning">{t('common.overdue')}</span> : null}
          </th>
          {full ? <td>{f.date(a.startDate)}</td> : null}
          <td>{f.date(a.endDate)}</td>
          {full ? <td className="num">{a.weight === null ? '—' : f.number(a.weight, 2)}</td> : null}
          <td>{statusLabel(a.status)}</td>
          <td className="num">{f.percent(a.progress)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
