import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import {
  boundPage,
  CommitmentsRpc,
  CreateCycleDto,
  CycleView,
  DomainError,
  ErrorCode,
  invalidFields,
  Page,
  PageQuery,
  ParticipationEvents,
  PhaseKind,
} from '@ogp/contracts';
import { NatsRpcClient, OutboxWriter, runIdempotent } from '@ogp/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { ParticipationHistoryRepository } from '../history/participation-history.repository';
import { PhasesRepository } from '../phases/phases.repository';
import { PhasesService } from '../phases/phases.service';
import { CyclesRepository } from './cycles.repository';

/** Co-creation cycles and their themes; their dated phases follow the calendar, nobody switches them by hand. */
@Injectable()
export class CyclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: CyclesRepository,
    private readonly phases: PhasesService,
    private readonly phaseRows: PhasesRepository,
    private readonly history: ParticipationHistoryRepository,
    private readonly outbox: OutboxWriter,
    private readonly rpc: NatsRpcClient,
  ) {}

  async create(actor: Actor | null, dto: CreateCycleDto, idempotencyKey: string | null = null): Promise<CycleView> {
    assertRole(actor, RoleGroup.COORDINATION);
    const kinds = dto.phases.map((p) => p.kind);
    if (new Set(kinds).size !== kinds.length)
      throw invalidFields('a phase appears twice', { field: 'phases', rule: 'duplicate' });
    dto.phases.forEach((p, i) => {
      if (new Date(p.closesAt) <= new Date(p.opensAt))
        throw invalidFields(`phase ${p.kind} closes before it opens`, {
          field: `phases.${i}.closesAt`,
          rule: 'after',
          args: ['opensAt'],
        });
    });
    // The programme is the commitments service's: a cycle of a programme that does not exist is refused (404).
    await this.rpc.request(CommitmentsRpc.getProgramme, { id: dto.programmeId });
    return this.dataSource.transaction((m) =>
      runIdempotent(m, idempotencyKey && `${actor.id}:${idempotencyKey}`, 'participation.cycles.create', async () => {
        const id = randomUUID();
        if (await this.cycles.codeTaken(m, dto.code))
          throw new DomainError(ErrorCode.ALREADY_EXISTS, `cycle ${dto.code} exists`);
        await this.cycles.insert(m, {
          id,
          programmeId: dto.programmeId,
          code: dto.code,
          title: dto.title,
          createdBy: actor.id,
        });
        await this.phaseRows.insertAll(m, id, dto.phases);
        for (const t of dto.themes ?? [])
          await this.cycles.insertTheme(m, { id: randomUUID(), cycleId: id, number: t.number, title: t.title });
        await this.history.record(m, {
          entityType: 'cycle',
          entityId: id,
          action: 'created',
          actorId: actor.id,
          after: dto,
        });
        await this.outbox.add(m, ParticipationEvents.cycleCreated, {
          aggregate: { type: 'cycle', id },
          data: { cycleId: id, programmeId: dto.programmeId, code: dto.code },
          actorId: actor.id,
        });
        return this.get(id, m);
      }),
    );
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<CycleView> {
    const cycle = await this.cycles.find(id, m);
    if (!cycle) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
    const phases = await this.phases.views(id, m);
    const themes = await this.cycles.themes(id, m);
    return {
      id: cycle.id,
      programmeId: cycle.programme_id,
      code: cycle.code,
      title: cycle.title,
      phases,
      currentPhases: phases.filter((p) => p.open).map((p) => p.kind),
      themes,
    };
  }

  async list(query: PageQuery): Promise<Page<CycleView>> {
    const { limit, offset } = boundPage(query);
    const total = await this.cycles.count();
    const ids = await this.cycles.pageIds(limit, offset);
    return { items: await Promise.all(ids.map((id) => this.get(id))), total, limit, offset };
  }

  /** A sub-list of a cycle that does not exist is a 404, not an empty list. */
  async assertExists(cycleId: string, m: EntityManager = this.dataSource.manager): Promise<void> {
    if (!(await this.cycles.exists(cycleId, m))) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
  }

  /** The theme belongs to the cycle, or 404. */
  async assertTheme(cycleId: string, themeId: string, m: EntityManager = this.dataSource.manager): Promise<void> {
    if (!(await this.cycles.themeInCycle(cycleId, themeId, m)))
      throw new DomainError(ErrorCode.NOT_FOUND, 'no such theme in this cycle');
  }

  /** The space of a phase of this cycle accepts input now, or the call is refused with the dates (404 for no cycle). */
  assertOpen(m: EntityManager, cycleId: string, kind: PhaseKind): Promise<void> {
    return this.phases.assertOpen(m, cycleId, kind, () => this.cycles.exists(cycleId, m));
  }
}
