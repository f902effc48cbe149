import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertRole } from '@ogp/auth';
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
import { recordChange } from './change-history';
import { ProgrammeEntity } from './programme.entity';

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
    private readonly outbox: OutboxWriter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The coordination team opens a programme: an OGP plan, a regional plan, or a national strategy. */
  async create(
    actor: Actor | null,
    command: CreateProgrammeCommand,
    idempotencyKey: string | null,
  ): Promise<ProgrammeView> {
    assertRole(actor, ['coordinator', 'admin']);
    const view = await this.dataSource.transaction((manager) =>
      runIdempotent(manager, idempotencyKey && `${actor.id}:${idempotencyKey}`, 'programmes.create', async () => {
        const exists = await manager.query(`SELECT 1 FROM programmes WHERE code = $1`, [command.code]);
        if (exists.length) throw new DomainError(ErrorCode.ALREADY_EXISTS, `programme ${command.code} exists`);
        const id = randomUUID();
        await manager.insert(ProgrammeEntity, {
          id,
          code: command.code,
          kind: command.kind,
          name: command.name,
          description: command.description ?? null,
          createdBy: actor.id,
        });
        const view = toProgrammeView(await manager.findOneByOrFail(ProgrammeEntity, { id }));
        await recordChange(manager, {
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
    const [rows, total] = await this.dataSource
      .getRepository(ProgrammeEntity)
      .findAndCount({ order: { createdAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items: rows.map(toProgrammeView), total, limit, offset };
  }

  /** The public read path: one indexed row, plain SQL. */
  async get(id: string): Promise<ProgrammeView> {
    const [row] = await this.dataSource.query(
      `SELECT id, code, kind, name, description, created_at AS "createdAt", created_by AS "createdBy" FROM programmes WHERE id = $1`,
      [id],
    );
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such programme');
    return { ...row, createdAt: row.createdAt.toISOString() };
  }
}
