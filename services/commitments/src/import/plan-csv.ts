import { ImportAreaDto, ImportCommitmentDto, RowError } from '@ogp/contracts';

/**
 * The documented CSV layout of a plan (docs/plan-import.md): one row per activity, with the
 * commitment's columns repeated on each of its rows. Quoted fields may hold commas, quotes
 * ("") and line breaks.
 */
export const CSV_COLUMNS = [
  'area_code',
  'area_title_ar',
  'area_title_fr',
  'area_title_en',
  'commitment_number',
  'commitment_title_ar',
  'commitment_title_fr',
  'commitment_title_en',
  'commitment_start',
  'commitment_end',
  'lead_institution_code',
  'ogp_values',
  'activity_title_ar',
  'activity_title_fr',
  'activity_title_en',
  'activity_start',
  'activity_end',
  'activity_weight',
  'activity_responsible',
] as const;

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export interface CsvPlanRows {
  areas: ImportAreaDto[];
  commitments: (ImportCommitmentDto & { rows: number[] })[];
  errors: RowError[];
}

const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** Turns CSV rows into areas and commitments; shape errors are reported by row number. */
export function csvToPlan(text: string): CsvPlanRows {
  const [header, ...rows] = parseCsv(text);
  const errors: CsvPlanRows['errors'] = [];
  if (!header) return { areas: [], commitments: [], errors: [{ row: 'header', field: 'csv', rule: 'emptyFile' }] };
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = CSV_COLUMNS.filter((c) => !index.has(c));
  if (missing.length)
    return {
      areas: [],
      commitments: [],
      errors: [{ row: 'header', field: missing.join(', '), rule: 'missingColumns' }],
    };
  const areas = new Map<string, ImportAreaDto>();
  const commitments = new Map<number, ImportCommitmentDto & { rows: number[] }>();
  rows.forEach((cells, i) => {
    const line = i + 2;
    const get = (c: (typeof CSV_COLUMNS)[number]) => cells[index.get(c)!] ?? '';
    const number = Number(get('commitment_number'));
    if (!Number.isInteger(number) || number < 1) {
      errors.push({ row: `line ${line}`, field: 'commitment_number', rule: 'isInt' });
      return;
    }
    const areaCode = get('area_code').trim();
    if (!areas.has(areaCode))
      areas.set(areaCode, {
        code: areaCode,
        title: { ar: get('area_title_ar').trim(), fr: opt(get('area_title_fr')), en: opt(get('area_title_en')) },
      });
    let commitment = commitments.get(number);
    if (!commitment) {
      commitment = {
        number,
        areaCode,
        title: {
          ar: get('commitment_title_ar').trim(),
          fr: opt(get('commitment_title_fr')),
          en: opt(get('commitment_title_en')),
        },
        startDate: get('commitment_start').trim(),
        endDate: get('commitment_end').trim(),
        leadInstitutionCode: get('lead_institution_code').trim(),
        ogpValues: get('ogp_values')
          .split(';')
          .map((v) => v.trim())
          .filter(Boolean),
        activities: [],
        rows: [],
      } as ImportCommitmentDto & { rows: number[] };
      commitments.set(number, commitment);
    } else {
      // The commitment's columns repeat on each of its rows; they must say the same thing.
      const first = commitment;
      const repeated: [string, string, string][] = [
        ['area_code', areaCode, first.areaCode],
        ['lead_institution_code', get('lead_institution_code').trim(), first.leadInstitutionCode],
        ['commitment_title_ar', get('commitment_title_ar').trim(), first.title.ar],
        ['commitment_start', get('commitment_start').trim(), first.startDate],
        ['commitment_end', get('commitment_end').trim(), first.endDate],
      ];
      for (const [field, value, expected] of repeated) {
        if (value !== expected)
          errors.push({ row: `line ${line}`, field, rule: 'inconsistentRows', args: [first.rows[0]] });
      }
    }
    commitment.rows.push(line);
    if (get('activity_title_ar').trim() || get('activity_start').trim()) {
      const weight = get('activity_weight').trim();
      commitment.activities!.push({
        title: {
          ar: get('activity_title_ar').trim(),
          fr: opt(get('activity_title_fr')),
          en: opt(get('activity_title_en')),
        },
        startDate: get('activity_start').trim(),
        endDate: get('activity_end').trim(),
        weight: weight === '' ? null : Number(weight),
        responsible: opt(get('activity_responsible')),
      });
    }
  });
  return { areas: [...areas.values()], commitments: [...commitments.values()], errors };
}
