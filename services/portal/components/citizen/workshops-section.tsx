import { Formatter } from '../../i18n/format';
import { Locale } from '../../i18n/locales';
import { pick } from '../../i18n/localized-text';
import { Translate } from '../../i18n/translator';
import { CsrfField } from '../../session/csrf-field';
import { ActionForm } from './action-form';
import { cancelWorkshopRegistration, registerForWorkshop } from './participation-actions';
import type { WorkshopView } from './participation-views';
import { WindowNotice } from './window-notice';

/** The cycle's workshops with seats left; register while registration is open; cancel by confirmation code. */
export function WorkshopsSection({
  workshops,
  locale,
  t,
  f,
  now = new Date(),
}: {
  workshops: WorkshopView[];
  locale: Locale;
  t: Translate;
  f: Formatter;
  now?: Date;
}) {
  return (
    <section className="page-section" aria-labelledby="workshops-title">
      <h2 id="workshops-title">{t('citizen.takePart.workshops')}</h2>
      {workshops.length === 0 ? <p>{t('citizen.takePart.noWorkshops')}</p> : null}
      <ul className="section-list">
        {workshops.map((w) => {
          const window =
            now < new Date(w.registrationOpensAt)
              ? ({ state: 'upcoming', opensAt: w.registrationOpensAt } as const)
              : now >= new Date(w.registrationClosesAt)
                ? ({ state: 'closed', closesAt: w.registrationClosesAt } as const)
                : ({ state: 'open', closesAt: w.registrationClosesAt } as const);
          const left = Math.max(0, w.capacity - w.confirmed);
          return (
            <li key={w.id} className="card workshop" data-workshop={w.id}>
              <h3>{pick(w.title, locale)}</h3>
              <dl className="facts">
                <dt>{t('citizen.takePart.startsAt')}</dt>
                <dd>
                  <time dateTime={w.startsAt}>{f.dateTime(w.startsAt)}</time>
                </dd>
                <dt>{t('citizen.takePart.seats')}</dt>
                <dd className="seats-left">{t('citizen.takePart.seatsLeft', { count: left })}</dd>
              </dl>
              <WindowNotice window={window} t={t} f={f} />
              {window.state === 'open' && left > 0 ? (
                <ActionForm
                  id={`workshop-${w.number}`}
                  action={registerForWorkshop}
                  csrf={<CsrfField />}
                  hidden={{ locale, workshopId: w.id }}
                  fields={[]}
                  submit={t('citizen.takePart.register')}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {workshops.length ? (
        <>
          <h3>{t('citizen.takePart.cancelTitle')}</h3>
          <ActionForm
            id="cancel-registration"
            action={cancelWorkshopRegistration}
            csrf={<CsrfField />}
            hidden={{ locale }}
            submit={t('citizen.takePart.cancel')}
            quiet
            fields={[
              {
                name: 'workshopId',
                label: t('citizen.takePart.workshop'),
                type: 'select',
                options: workshops.map((w) => ({ value: w.id, label: pick(w.title, locale) })),
              },
              {
                name: 'code',
                label: t('citizen.takePart.code'),
                dir: 'ltr',
                autoComplete: 'off',
                maxLength: 20,
                required: true,
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
