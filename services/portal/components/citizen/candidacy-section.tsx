import { Formatter } from '../../i18n/format';
import { Locale } from '../../i18n/locales';
import { Translate } from '../../i18n/translator';
import { CsrfField } from '../../session/csrf-field';
import { ActionForm } from './action-form';
import { applyForSeat } from './participation-actions';
import type { PhaseWindow } from './phase-window';
import { WindowNotice } from './window-notice';

/** A civil-society organisation applies for a seat on the steering committee during the candidacy window. */
export function CandidacySection({
  cycleId,
  isCso,
  organisation,
  window,
  locale,
  t,
  f,
}: {
  cycleId: string;
  isCso: boolean;
  organisation: string;
  window: PhaseWindow;
  locale: Locale;
  t: Translate;
  f: Formatter;
}) {
  if (window.state === 'none') return null;
  return (
    <section className="page-section" aria-labelledby="candidacy-title">
      <h2 id="candidacy-title">{t('citizen.takePart.candidacy')}</h2>
      <WindowNotice window={window} t={t} f={f} />
      {!isCso ? <p>{t('citizen.takePart.candidacyCsoOnly')}</p> : null}
      {isCso && window.state === 'open' ? (
        <ActionForm
          id="candidacy"
          action={applyForSeat}
          csrf={<CsrfField />}
          hidden={{ locale, cycleId }}
          submit={t('citizen.takePart.apply')}
          fields={[
            {
              name: 'organisation',
              label: t('citizen.takePart.organisation'),
              dir: 'auto',
              defaultValue: organisation,
              maxLength: 200,
              required: true,
            },
            {
              name: 'statement',
              label: t('citizen.takePart.statement'),
              type: 'textarea',
              dir: 'auto',
              rows: 6,
              hint: t('citizen.takePart.statementHint'),
              maxLength: 5000,
              required: true,
            },
          ]}
        />
      ) : null}
    </section>
  );
}
