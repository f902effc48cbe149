import type { Locale } from '../../i18n/locales';
import type { MessageKey, Translate } from '../../i18n/translator';
import { CsrfField } from '../../session/csrf-field';
import { ActionForm } from '../citizen/action-form';
import { closeBlocker } from './pm-actions';

/** The button that closes an answered blocker (`close-<n>`), on the project manager's and the committee's pages. */
export function CloseBlockerForm({
  n,
  blockerId,
  locale,
  t,
}: {
  n: number;
  blockerId: string;
  locale: Locale;
  t: Translate;
}) {
  return (
    <ActionForm
      id={`close-${n}`}
      action={closeBlocker}
      csrf={<CsrfField />}
      hidden={{ locale, blockerId }}
      submit={t('pm.blocker.close')}
      quiet
      fields={[]}
    />
  );
}

/** A blocker's title with its status badge (open stands out), on the project manager's and the committee's pages. */
export function BlockerTitle({ blocker: b, t }: { blocker: { status: string; title: string }; t: Translate }) {
  return (
    <h3 className="card-title">
      <span className={b.status === 'open' ? 'badge badge-warning' : 'badge'}>
        {t(`pm.blocker.status.${b.status}` as MessageKey)}
      </span>{' '}
      <span dir="auto">{b.title}</span>
    </h3>
  );
}
