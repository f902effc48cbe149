import { Locale } from '../i18n/locales';
import { LocalizedText, pick, pickLang } from '../i18n/localized-text';

/** A stored multilingual text in the reader's language; when it falls back, the element says which language it is in. */
export function Localized({ text, locale }: { text: LocalizedText; locale: Locale }) {
  const lang = pickLang(text, locale);
  const value = pick(text, locale);
  if (!lang) return <>{value}</>;
  return (
    <span lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      {value}
    </span>
  );
}

/** Free text typed by people (ideas, comments): its direction comes from its own first letters. */
export function FreeText({ text }: { text: string }) {
  return <span dir="auto">{text}</span>;
}
