import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import {
  boundPage,
  CommitmentsEvents,
  CreateProgrammeCommand,
  DomainError,
  ErrorCode,
  Page,
  PageQuery,
  ProgrammeView,
} from '@ogp/contracts';
import { OutboxWriter, runIdempotent } from '@ogp/messaging';
import { LOGGER } from '@ogp/runtime';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ChangeHistoryRepository } from '../history/change-history.repository';
import { ProgrammeEntity } from './programme.entity';
import { ProgrammesRepository } from './programmes.repository';

export function toProgrammeView(p: ProgrammeEntity): ProgrammeView {
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    name: p.name,
    description: p.description,
    createdAt: p.createdAt.toISOString(),
    createdBy: p.createdBy,
  };
}

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ProgrammesRepository,
    private readonly history: ChangeHistoryRepository,
    private readonly outbox: OutboxWriter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The coordination team opens a programme: an OGP plan, a regional plan, or a national strategy. */
  async create(
    actor: Actor | null,
    command: CreateProgrammeCommand,
    idempotencyKey: string | null,
  ): Promise<ProgrammeView> {
    assertRole(actor, RoleGroup.COORDINATION);
    const view = await this.dataSource.transaction((manager) =>
      runIdempotent(manager, idempotencyKey && `${actor.id}:${idempotencyKey}`, 'programmes.create', async () => {
        if (await this.repository.codeTaken(manager, command.code))
          throw new DomainError(ErrorCode.ALREADY_EXISTS, `programme ${command.code} exists`);
        const id = randomUUID();
        const view = toProgrammeView(
          await this.repository.insert(manager, {
            id,
            code: command.code,
            kind: command.kind,
            name: command.name,
            description: command.description ?? null,
            createdBy: actor.id,
          }),
        );
        await this.history.record(manager, {
          entityType: 'programme',
          entityId: id,
          action: 'created',
          actorId: actor.id,
          before: null,
          after: view,
        });
        await this.outbox.add(manager, CommitmentsEvents.programmeCreated, {
          aggregate: { type: 'programme', id },
          data: { programmeId: id, code: view.code, kind: view.kind, name: view.name },
          actorId: actor.id,
        });
        return view;
      }),
    );
    this.logger.info({ programmeId: view.id, code: view.code }, 'programme created');
    return view;
  }

  async list(query: PageQuery): Promise<Page<ProgrammeView>> {
    const { limit, offset } = boundPage(query);
    const [rows, total] = await this.repository.page(limit, offset);
    return { items: rows.map(toProgrammeView), total, limit, offset };
  }

  async get(id: string): Promise<ProgrammeView> {
    const row = await this.repository.get(id);
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such programme');
    return { ...row, createdAt: row.createdAt.toISOString() };
  }
}
