import { Injectable } from '@nestjs/common';
import { Actor, assertRole } from '@ogp/auth';
import {
  DomainError,
  ErrorCode,
  ImportCommitmentDto,
  ImportPlanDto,
  ImportReport,
  PlanEvents,
  RowError,
  validationIssues,
} from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { CommitmentsService } from '../commitments/commitments.service';
import { PlansService } from '../plans/plans.service';
import { csvToPlan } from './plan-csv';

/**
 * A whole plan from one file, all or nothing: every row is checked first and every error is
 * reported with its row; only a clean file is written, in one transaction.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly commitments: CommitmentsService,
    private readonly outbox: OutboxWriter,
  ) {}

  async import(actor: Actor | null, dto: ImportPlanDto): Promise<ImportReport> {
    assertRole(actor, ['coordinator', 'admin']);
    const errors: RowError[] = [];
    let areas = dto.areas ?? [];
    let commitments: (ImportCommitmentDto & { rows?: number[] })[] = dto.commitments ?? [];
    const label = (i: number) =>
      commitments[i]?.rows ? `line ${commitments[i].rows!.join(',')}` : `commitments[${i}]`;
    if (dto.csv !== undefined) {
      const parsed = csvToPlan(dto.csv);
      errors.push(...parsed.errors);
      areas = parsed.areas;
      commitments = parsed.commitments;
      commitments.forEach((c, i) => {
        const { rows: _rows, ...plain } = c;
        const problems = validateSync(plainToInstance(ImportCommitmentDto, plain), {
          whitelist: true,
          forbidNonWhitelisted: true,
        });
        for (const issue of validationIssues(problems)) errors.push({ row: label(i), ...issue });
      });
    }
    if (dto.plan.endDate < dto.plan.startDate)
      errors.push({ row: 'plan', field: 'endDate', rule: 'notBefore', args: ['startDate'] });
    const areaCodes = new Set(areas.map((a) => a.code));
    const known = new Set<string>(
      (await this.dataSource.query(`SELECT code FROM institutions`)).map((r: { code: string }) => r.code),
    );
    for (const i of dto.institutions ?? []) known.add(i.code);
    const numbers = new Set<number>();
    commitments.forEach((c, i) => {
      if (numbers.has(c.number)) errors.push({ row: label(i), field: 'number', rule: 'duplicate' });
      numbers.add(c.number);
      if (!areaCodes.has(c.areaCode))
        errors.push({ row: label(i), field: 'areaCode', rule: 'unknownReference', args: [c.areaCode] });
      if (!known.has(c.leadInstitutionCode))
        errors.push({
          row: label(i),
          field: 'leadInstitutionCode',
          rule: 'unknownReference',
          args: [c.leadInstitutionCode],
        });
      for (const code of c.supportingInstitutionCodes ?? [])
        if (!known.has(code))
          errors.push({ row: label(i), field: 'supportingInstitutionCodes', rule: 'unknownReference', args: [code] });
      if (c.endDate < c.startDate)
        errors.push({ row: label(i), field: 'endDate', rule: 'notBefore', args: ['startDate'] });
      (c.activities ?? []).forEach((a, j) => {
        if (a.endDate < a.startDate)
          errors.push({
            row: c.rows ? `line ${c.rows[j] ?? c.rows[0]}` : `${label(i)}.activities[${j}]`,
            field: 'activities.endDate',
            rule: 'notBefore',
            args: ['startDate'],
          });
      });
    });
    if (errors.length)
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `the file has ${errors.length} error(s); nothing was imported`,
        { errors: errors.slice(0, 500) },
      );

    return this.dataSource.transaction(async (m) => {
      const [programme] = await m.query(`SELECT id FROM programmes WHERE code = $1`, [dto.programmeCode]);
      if (!programme)
        throw new DomainError(ErrorCode.NOT_FOUND, `no programme ${dto.programmeCode}`, {
          errors: [{ row: 'plan', field: 'programmeCode', rule: 'unknownReference', args: [dto.programmeCode] }],
        });
      const plan = await this.plans.createPlan(actor, { programmeId: programme.id, ...dto.plan }, m);
      let institutionsCreated = 0;
      for (const institution of dto.institutions ?? []) {
        const [exists] = await m.query(`SELECT 1 FROM institutions WHERE code = $1`, [institution.code]);
        if (!exists) {
          await this.plans.createInstitution(actor, institution, m);
          institutionsCreated += 1;
        }
      }
      const institutionIds = new Map<string, string>(
        (await m.query(`SELECT code, id FROM institutions`)).map((r: { code: string; id: string }) => [r.code, r.id]),
      );
      const areaIds = new Map<string, string>();
      for (const [position, area] of areas.entries())
        areaIds.set(
          area.code,
          (await this.plans.createArea(actor, { planId: plan.id, code: area.code, title: area.title, position }, m)).id,
        );
      let activities = 0;
      for (const c of commitments) {
        const { areaCode, leadInstitutionCode, supportingInstitutionCodes, rows: _rows, ...card } = c;
        await this.commitments.create(
          actor,
          plan.id,
          {
            ...card,
            areaId: areaIds.get(areaCode)!,
            leadInstitutionId: institutionIds.get(leadInstitutionCode)!,
            supportingInstitutionIds: (supportingInstitutionCodes ?? []).map((code) => institutionIds.get(code)!),
          },
          m,
        );
        activities += c.activities?.length ?? 0;
      }
      await this.outbox.add(m, PlanEvents.planImported, {
        aggregate: { type: 'plan', id: plan.id },
        data: { planId: plan.id, programmeId: programme.id, code: dto.plan.code, commitments: commitments.length },
        actorId: actor.id,
      });
      return { planId: plan.id, commitments: commitments.length, activities, institutionsCreated };
    });
  }
}
