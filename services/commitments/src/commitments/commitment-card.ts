import { Localized } from '@ogp/contracts';
import { normalizeForSearch } from '@ogp/runtime';
import { CommitmentRow } from './commitment-row';

/** The free-text fields of a commitment's card, kept together in its `card` column. */
export const CARD_FIELDS = [
  'description',
  'goal',
  'expectedResults',
  'problem',
  'solution',
  'department',
  'cost',
  'otherProgrammes',
  'sdgs',
  'contact',
] as const;

/** What a commitment is found by: its number and its title in every language. */
export function searchText(number: number, title: Localized): string {
  return normalizeForSearch([String(number), title.ar, title.fr, title.en].filter(Boolean).join(' '));
}

/** The card fields a command gives (an absent field is not a change). */
export function cardOf(dto: Partial<Record<(typeof CARD_FIELDS)[number], unknown>>): Record<string, unknown> {
  const card: Record<string, unknown> = {};
  for (const field of CARD_FIELDS) if (dto[field] !== undefined) card[field] = dto[field];
  return card;
}

/** The fields an edit really sets. */
export function changedFields(dto: object): string[] {
  return Object.entries(dto)
    .filter(([k, v]) => v !== undefined && k !== 'id')
    .map(([k]) => k);
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The card as an edit sees it: every editable field's current value, for the history's "before". */
export function editableCard(
  row: Pick<CommitmentRow, 'card' | 'title' | 'start_date' | 'end_date' | 'ogp_values' | 'supporting_institution_ids'>,
): Record<string, unknown> {
  return {
    ...row.card,
    title: row.title,
    startDate: isoDate(row.start_date),
    endDate: isoDate(row.end_date),
    ogpValues: row.ogp_values,
    supportingInstitutionIds: row.supporting_institution_ids,
  };
}

/** The values of some fields, absent ones as null. */
export function pick(source: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((k) => [k, source[k] ?? null]));
}
