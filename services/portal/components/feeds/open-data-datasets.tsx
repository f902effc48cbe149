import { gateway } from '../../gateway/gateway-client';
import { Formatter } from '../../i18n/format';
import { LOCALE_NAMES, Locale } from '../../i18n/locales';
import { pick } from '../../i18n/localized-text';
import { MessageKey, Translate } from '../../i18n/translator';
import { feedPaths } from './feed-paths';
import type { OpenDataDictionaryView, OpenDataIndexView } from './feed-views';
import { DataTable } from '../filters';

/** The open datasets (each plan's commitments and activities, each cycle's ideas and statistics) with their files, the data dictionary and the Atom feeds. */
export async function OpenDataDatasets({ locale, t, f }: { locale: Locale; t: Translate; f: Formatter }) {
  const api = await gateway.public(locale);
  const [index, dictionary] = await Promise.all([
    api.get<OpenDataIndexView>('/open-data', { query: { lang: locale } }).catch(() => null),
    api.get<OpenDataDictionaryView>('/open-data/dictionary').catch(() => null),
  ]);
  return (
    <>
      <section className="page-section" aria-labelledby="datasets-title">
        <h2 id="datasets-title">{t('feeds.openData.datasetsTitle')}</h2>
        <p>{t('feeds.openData.datasetsIntro')}</p>
        {!index || index.datasets.length === 0 ? (
          <p>{t('feeds.openData.none')}</p>
        ) : (
          <DataTable
            columns={[
              t('feeds.openData.dataset'),
              t('feeds.openData.subject'),
              t('feeds.openData.updated'),
              t('feeds.openData.files'),
            ]}
          >
            {index.datasets.map((d) => {
              const name = t(`feeds.openData.kind.${d.dataset}` as MessageKey);
              const subject = pick(d.subject.title, locale);
              return (
                <tr key={`${d.dataset}-${d.subject.id}`}>
                  <th scope="row">{name}</th>
                  <td dir="auto">{subject}</td>
                  <td>{f.date(d.updatedAt)}</td>
                  <td>
                    <ul className="inline-list">
                      {d.files.map((file) => (
                        <li key={file.format}>
                          <a
                            href={feedPaths.gatewayFile(file.url)}
                            download
                            aria-label={`${file.format.toUpperCase()}: ${name}, ${subject}`}
                          >
                            {file.format.toUpperCase()}
                          </a>{' '}
                          <span className="muted">({t('openData.kb', { size: f.number(file.size / 1024, 1) })})</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>
      <section className="page-section" aria-labelledby="dictionary-title">
        <h2 id="dictionary-title">{t('feeds.openData.dictionaryTitle')}</h2>
        <p>
          {t('feeds.openData.dictionaryIntro')}{' '}
          <a href={feedPaths.gatewayFile('/open-data/dictionary')}>{t('feeds.openData.dictionaryJson')}</a>
        </p>
        {(dictionary?.datasets ?? []).map((d) => (
          <details key={d.dataset}>
            <summary>
              {t(`feeds.openData.kind.${d.dataset}` as MessageKey)}: {pick(d.description, locale)}
            </summary>
            <DataTable
              columns={[t('feeds.openData.column'), t('feeds.openData.type'), t('feeds.openData.description')]}
            >
              {d.columns.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {pick(c.label, locale)} <code dir="ltr">{c.id}</code>
                  </th>
                  <td>{t(`feeds.openData.columnType.${c.type}` as MessageKey)}</td>
                  <td>{pick(c.description, locale)}</td>
                </tr>
              ))}
            </DataTable>
          </details>
        ))}
      </section>
      <section className="page-section" aria-labelledby="atom-title">
        <h2 id="atom-title">{t('feeds.openData.atomTitle')}</h2>
        <p>{t('feeds.openData.atomIntro')}</p>
        <ul>
          {(index?.atom ?? []).map((a) => (
            <li key={a.language}>
              <a href={feedPaths.gatewayFile(a.url)} type="application/atom+xml" hrefLang={a.language}>
                {t('feeds.openData.atomIn', { language: LOCALE_NAMES[a.language] })}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
