import { Language } from '@ogp/contracts';

/** A code's label in the reader's language; a code without a label is shown as it is. */
export function labelOf(
  labels: Readonly<Record<string, Record<Language, string>>>,
  code: string,
  language: Language,
): string {
  return (labels[code] as Record<Language, string> | undefined)?.[language] ?? code;
}
