import { AlertKind, Language, LANGUAGES } from '@ogp/contracts';
import { renderTemplate } from '../dispatch/render-template';
import { ALERT_BATCH_TEXT, ALERT_KIND_LABELS } from '../labels/alert-kind-labels.constant';
import { labelOf } from '../labels/label-of';

/**
 * One e-mail listing a person's alerts of a sweep, by kind (the kinds arrive sorted): a heading
 * per kind with its count, then a line per alert.
 */
export function alertBatchEmail(
  language: string,
  kinds: readonly AlertKind[],
  lines: readonly string[],
): { subject: string; body: string } {
  const lang: Language = (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'ar';
  const text = ALERT_BATCH_TEXT[lang];
  const count = String(lines.length);
  const sections: string[] = [renderTemplate(text.intro, { count })];
  for (let i = 0; i < kinds.length;) {
    const kind = kinds[i];
    const items: string[] = [];
    for (; i < kinds.length && kinds[i] === kind; i++) items.push(`- ${lines[i]}`);
    sections.push(`${labelOf(ALERT_KIND_LABELS, kind, lang)} (${items.length})\n${items.join('\n')}`);
  }
  return { subject: renderTemplate(text.subject, { count }), body: sections.join('\n\n') };
}
