import { Formatter } from '../i18n/format';
import { Locale } from '../i18n/locales';
import { pick } from '../i18n/localized-text';
import { MESSAGES, MessageKey, Translate } from '../i18n/translator';

function isLocalized(value: unknown): value is Record<string, string> {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => k === 'ar' || k === 'fr' || k === 'en')
  );
}

/** One before/after value of the change history, readable: levels, statuses and progress in words and figures. */
export function ChangeValue({ value, locale, t, f }: { value: unknown; locale: Locale; t: Translate; f: Formatter }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (isLocalized(value)) return <>{pick(value, locale)}</>;
  if (typeof value !== 'object') return <>{String(value)}</>;
  const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !k.endsWith('Id'));
  return (
    <ul className="plain change">
      {entries.map(([key, v]) => (
        <li key={key}>
          <span className="muted">{`field.${key}` in MESSAGES.ar ? t(`field.${key}` as MessageKey) : key}</span>{' '}
          {describe(key, v, locale, t, f)}
        </li>
      ))}
    </ul>
  );
}

function describe(key: string, v: unknown, locale: Locale, t: Translate, f: Formatter): string {
  if (v === null || v === undefined) return '—';
  if (key === 'progress' && typeof v === 'number') return f.percent(v);
  if (key === 'level' && typeof v === 'string' && `level.${v}` in MESSAGES.ar) return t(`level.${v}` as MessageKey);
  if (key === 'status' && typeof v === 'string' && `activityStatus.${v}` in MESSAGES.ar)
    return t(`activityStatus.${v}` as MessageKey);
  if (key === 'strategy' && typeof v === 'string' && `strategy.${v}` in MESSAGES.ar)
    return t(`strategy.${v}` as MessageKey);
  if (typeof v === 'number') return f.number(v, 2);
  if (isLocalized(v)) return pick(v, locale);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
