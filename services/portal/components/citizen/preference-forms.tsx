import 'server-only';
import { gateway } from '../../gateway/gateway-client';
import type { Locale } from '../../i18n/locales';
import type { MessageKey, Translate } from '../../i18n/translator';
import { CsrfField } from '../../session/csrf-field';
import { changeNotificationPreference } from './account-actions';
import { ActionForm } from './action-form';

const MODES = ['immediate', 'digest', 'off'] as const;

/** The signed-in person's notification preferences (event type → mode); none when they cannot be read. */
export async function readPreferences(locale: Locale): Promise<Record<string, string>> {
  return (await gateway.user(locale))
    .get<Record<string, string>>('/me/notification-preferences')
    .catch(() => ({}) as Record<string, string>);
}

/**
 * One form a notification type (of `types` the person has a preference for): at once, in the daily
 * digest or not at all. The account's settings page and the committee's preferences page show it.
 */
export function PreferenceForms({
  locale,
  t,
  types,
  preferences,
}: {
  locale: Locale;
  t: Translate;
  types: readonly (readonly [string, MessageKey])[];
  preferences: Record<string, string>;
}) {
  return (
    <ul className="section-list">
      {types
        .filter(([type]) => type in preferences)
        .map(([type, label], i) => (
          <li key={type} className="card preference" data-type={type}>
            <ActionForm
              id={`preference-${i}`}
              action={changeNotificationPreference}
              csrf={<CsrfField />}
              hidden={{ locale, type }}
              submit={t('citizen.settings.save')}
              quiet
              fields={[
                {
                  name: 'mode',
                  label: t(label),
                  type: 'radio',
                  defaultValue: preferences[type],
                  options: MODES.map((m) => ({ value: m, label: t(`citizen.settings.mode.${m}`) })),
                },
              ]}
            />
          </li>
        ))}
    </ul>
  );
}
