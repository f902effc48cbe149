import { OpenDataDatasets } from '../../../components/feeds/open-data-datasets';
import { gateway } from '../../../gateway/gateway-client';
import type { Page, ReportView } from '../../../gateway/views';
import { localeTools } from '../../../i18n/request-locale';
import { MESSAGES, MessageKey } from '../../../i18n/translator';
import { titled } from '../../../components/page-props';
import { DataTable } from '../../../components/filters';

export const generateMetadata = titled('openData.title');

/** The reports the platform published, downloadable as PDF, XLSX, CSV or JSON (through the portal). */
export default async function OpenDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t, f } = await localeTools(params);
  const api = await gateway.public(locale);
  const reports = await api.get<Page<ReportView>>('/reports', { query: { limit: 100 } });
  const done = reports.items.filter((r) => r.status === 'done');
  return (
    <>
      <h1>{t('openData.title')}</h1>
      <p className="lead">{t('openData.intro')}</p>
      {done.length === 0 ? (
        <p>{t('openData.none')}</p>
      ) : (
        <DataTable
          columns={[
            t('openData.report'),
            t('openData.format'),
            t('openData.date'),
            t('openData.size'),
            t('common.download'),
          ]}
        >
          {done.map((r) => {
            const name = `reportKind.${r.kind}` in MESSAGES.ar ? t(`reportKind.${r.kind}` as MessageKey) : r.kind;
            return (
              <tr key={r.id}>
                <th scope="row">{name}</th>
                <td>{r.format.toUpperCase()}</td>
                <td>{f.date(r.finishedAt ?? r.createdAt)}</td>
                <td className="num">
                  {r.size === null ? '—' : t('openData.kb', { size: f.number(r.size / 1024, 1) })}
                </td>
                <td>
                  <a
                    href={`/files/reports/${r.id}`}
                    download
                    aria-label={`${t('common.download')}: ${name} (${r.format.toUpperCase()})`}
                  >
                    {t('common.download')}
                  </a>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <OpenDataDatasets locale={locale} t={t} f={f} />
    </>
  );
}
