import { ImportAreaDto, ImportCommitmentDto, ImportPlanDto, RowError, validationIssues } from '@ogp/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { csvToPlan } from './plan-csv';

/** A commitment of the file, with the CSV lines it came from when it came from CSV. */
export type ImportedCommitment = ImportCommitmentDto & { rows?: number[] };

export interface PlanFile {
  areas: ImportAreaDto[];
  commitments: ImportedCommitment[];
  errors: RowError[];
}

const label = (c: ImportedCommitment | undefined, i: number) =>
  c?.rows ? `line ${c.rows.join(',')}` : `commitments[${i}]`;

/** The areas and commitments a file holds (CSV rows are shape-checked here, as the JSON body is at the edge). */
export function readPlanFile(dto: ImportPlanDto): PlanFile {
  if (dto.csv === undefined) return { areas: dto.areas ?? [], commitments: dto.commitments ?? [], errors: [] };
  const parsed = csvToPlan(dto.csv);
  const errors = [...parsed.errors];
  parsed.commitments.forEach((c, i) => {
    const { rows: _rows, ...plain } = c;
    const problems = validateSync(plainToInstance(ImportCommitmentDto, plain), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    for (const issue of validationIssues(problems)) errors.push({ row: label(c, i), ...issue });
  });
  return { areas: parsed.areas, commitments: parsed.commitments, errors };
}

/**
 * Every problem of a plan file with its row: dates, duplicate numbers, and references to areas
 * and institutions (`knownInstitutions`: codes that exist or the file creates).
 */
export function planFileErrors(dto: ImportPlanDto, file: PlanFile, knownInstitutions: Set<string>): RowError[] {
  const errors = [...file.errors];
  const { areas, commitments } = file;
  if (dto.plan.endDate < dto.plan.startDate)
    errors.push({ row: 'plan', field: 'endDate', rule: 'notBefore', args: ['startDate'] });
  const areaCodes = new Set(areas.map((a) => a.code));
  const numbers = new Set<number>();
  commitments.forEach((c, i) => {
    const row = label(c, i);
    if (numbers.has(c.number)) errors.push({ row, field: 'number', rule: 'duplicate' });
    numbers.add(c.number);
    if (!areaCodes.has(c.areaCode))
      errors.push({ row, field: 'areaCode', rule: 'unknownReference', args: [c.areaCode] });
    if (!knownInstitutions.has(c.leadInstitutionCode))
      errors.push({ row, field: 'leadInstitutionCode', rule: 'unknownReference', args: [c.leadInstitutionCode] });
    for (const code of c.supportingInstitutionCodes ?? [])
      if (!knownInstitutions.has(code))
        errors.push({ row, field: 'supportingInstitutionCodes', rule: 'unknownReference', args: [code] });
    if (c.endDate < c.startDate) errors.push({ row, field: 'endDate', rule: 'notBefore', args: ['startDate'] });
    (c.activities ?? []).forEach((a, j) => {
      if (a.endDate < a.startDate)
        errors.push({
          row: c.rows ? `line ${c.rows[j] ?? c.rows[0]}` : `${row}.activities[${j}]`,
          field: 'activities.endDate',
          rule: 'notBefore',
          args: ['startDate'],
        });
    });
  });
  return errors;
}
