import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import {
  boundPage,
  CommitmentsRpc,
  CreateInstitutionDto,
  DomainError,
  ErrorCode,
  InstitutionView,
  Page,
} from '@ogp/contracts';

import { StrategyRegistry } from '@ogp/tracking';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeHistoryRepository } from '../history/change-history.repository';
import { runCreate } from '../idempotency/run-create';
import { assertKnownStrategy } from '../tracking/strategy-source';
import { STRATEGY_REGISTRY } from '../tracking/tracking.constant';
import { InstitutionsRepository } from './institutions.repository';

/** Institutions: ministries and public bodies, each with an optional tracking strategy of its own. */
@Injectable()
export class InstitutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: InstitutionsRepository,
    private readonly history: ChangeHistoryRepository,
    @Inject(STRATEGY_REGISTRY) private readonly registry: StrategyRegistry,
  ) {}

  /** In the caller's transaction when given one (a plan import); else a retry with the same key answers the first. */
  async create(
    actor: Actor | null,
    dto: CreateInstitutionDto,
    manager?: EntityManager,
    idempotencyKey: string | null = null,
  ): Promise<InstitutionView> {
    assertRole(actor, RoleGroup.COORDINATION);
    assertKnownStrategy(this.registry, dto.trackingStrategy);
    const create = { command: CommitmentsRpc.createInstitution.subject, actorId: actor.id, idempotencyKey };
    return runCreate(this.dataSource, manager, create, async (m) => {
      if (await this.repository.codeTaken(m, dto.code))
        throw new DomainError(ErrorCode.ALREADY_EXISTS, `institution ${dto.code} exists`);
      const id = randomUUID();
      await this.repository.insert(m, id, dto);
      await this.history.record(m, {
        entityType: 'institution',
        entityId: id,
        action: 'created',
        actorId: actor.id,
        before: null,
        after: dto,
      });
      return { id, code: dto.code, kind: dto.kind, name: dto.name, trackingStrategy: dto.trackingStrategy ?? null };
    });
  }

  async get(id: string): Promise<InstitutionView> {
    const row = await this.repository.get(this.dataSource.manager, id);
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such institution');
    return row;
  }

  async list(page: { limit?: number; offset?: number }): Promise<Page<InstitutionView>> {
    const { limit, offset } = boundPage(page);
    const m = this.dataSource.manager;
    const total = await this.repository.count(m);
    const items = await this.repository.page(m, limit, offset);
    return { items, total, limit, offset };
  }
}
