import { Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import { CommitmentsEvents, CommitmentsRpc, DomainError, ErrorCode, ImportPlanDto, ImportReport } from '@ogp/contracts';
import { OutboxWriter, runIdempotent } from '@ogp/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { CommitmentsService } from '../commitments/commitments.service';
import { InstitutionsRepository } from '../institutions/institutions.repository';
import { InstitutionsService } from '../institutions/institutions.service';
import { PlansService } from '../plans/plans.service';
import { PlanFile, planFileErrors, readPlanFile } from './plan-import-check';
import { PlanImportRepository } from './plan-import.repository';

/**
 * A whole plan from one file, all or nothing: every row is checked first and every error is
 * reported with its row; only a clean file is written, in one transaction.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PlanImportRepository,
    private readonly institutionsRepository: InstitutionsRepository,
    private readonly institutions: InstitutionsService,
    private readonly plans: PlansService,
    private readonly commitments: CommitmentsService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A retry with the same key answers the first import's report and writes nothing. */
  async import(actor: Actor | null, dto: ImportPlanDto, idempotencyKey: string | null = null): Promise<ImportReport> {
    assertRole(actor, RoleGroup.COORDINATION);
    const file = readPlanFile(dto);
    const known = new Set(await this.repository.institutionCodes(this.dataSource.manager));
    for (const i of dto.institutions ?? []) known.add(i.code);
    const errors = planFileErrors(dto, file, known);
    if (errors.length)
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `the file has ${errors.length} error(s); nothing was imported`,
        { errors: errors.slice(0, 500) },
      );
    return this.dataSource.transaction((m) =>
      runIdempotent(m, idempotencyKey && `${actor.id}:${idempotencyKey}`, CommitmentsRpc.importPlan.subject, () =>
        this.write(m, actor, dto, file),
      ),
    );
  }

  private async write(m: EntityManager, actor: Actor, dto: ImportPlanDto, file: PlanFile): Promise<ImportReport> {
    const programmeId = await this.repository.programmeIdByCode(m, dto.programmeCode);
    if (!programmeId)
      throw new DomainError(ErrorCode.NOT_FOUND, `no programme ${dto.programmeCode}`, {
        errors: [{ row: 'plan', field: 'programmeCode', rule: 'unknownReference', args: [dto.programmeCode] }],
      });
    const plan = await this.plans.createPlan(actor, { programmeId, ...dto.plan }, m);
    let institutionsCreated = 0;
    for (const institution of dto.institutions ?? []) {
      if (!(await this.institutionsRepository.codeTaken(m, institution.code))) {
        await this.institutions.create(actor, institution, m);
        institutionsCreated += 1;
      }
    }
    const institutionIds = await this.institutionsRepository.idsByCode(m);
    const areaIds = new Map<string, string>();
    for (const [position, area] of file.areas.entries())
      areaIds.set(
        area.code,
        (await this.plans.createArea(actor, { planId: plan.id, code: area.code, title: area.title, position }, m)).id,
      );
    let activities = 0;
    for (const c of file.commitments) {
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
    const commitments = file.commitments.length;
    await this.outbox.add(m, CommitmentsEvents.planImported, {
      aggregate: { type: 'plan', id: plan.id },
      data: { planId: plan.id, programmeId, code: dto.plan.code, commitments },
      actorId: actor.id,
    });
    return { planId: plan.id, commitments, activities, institutionsCreated };
  }
}
