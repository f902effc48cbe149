/** A template's text with its {placeholders} filled (an unknown placeholder becomes empty). */
export function renderTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}
