import type { Locale } from '../../i18n/locales';
import type { Translate } from '../../i18n/translator';
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
