import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole } from '@ogp/auth';
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
import { NatsRpcClient, OutboxWriter } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { DataSource, EntityManager } from 'typeorm';

export const STAFF = ['coordinator', 'admin'] as const;

/** Refuses input outside [opensAt, closesAt): 409 saying when it opens, or when it closed. */
export function assertWindow(now: Date, opensAt: Date, closesAt: Date): void {
  if (now < opensAt)
    throw new DomainError(ErrorCode.WINDOW_NOT_OPEN, `opens at ${opensAt.toISOString()}`, {
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    });
  if (now >= closesAt)
    throw new DomainError(ErrorCode.WINDOW_CLOSED, `closed at ${closesAt.toISOString()}`, {
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    });
}

/** Co-creation cycles: their dated phases follow the calendar, nobody switches them by hand. */
@Injectable()
export class CyclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly rpc: NatsRpcClient,
  ) {}

  async create(actor: Actor | null, dto: CreateCycleDto): Promise<CycleView> {
    assertRole(actor, STAFF);
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
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const [taken] = await m.query(`SELECT 1 FROM cycles WHERE code = $1`, [dto.code]);
      if (taken) throw new DomainError(ErrorCode.ALREADY_EXISTS, `cycle ${dto.code} exists`);
      await m.query(`INSERT INTO cycles (id, programme_id, code, title, created_by) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        dto.programmeId,
        dto.code,
        JSON.stringify(dto.title),
        actor.id,
      ]);
      for (const p of dto.phases)
        await m.query(`INSERT INTO phases (cycle_id, kind, opens_at, closes_at) VALUES ($1, $2, $3, $4)`, [
          id,
          p.kind,
          p.opensAt,
          p.closesAt,
        ]);
      for (const t of dto.themes ?? [])
        await m.query(`INSERT INTO themes (id, cycle_id, number, title) VALUES ($1, $2, $3, $4)`, [
          randomUUID(),
          id,
          t.number,
          JSON.stringify(t.title),
        ]);
      await m.query(
        `INSERT INTO participation_history (entity_type, entity_id, action, actor_id, after) VALUES ('cycle', $1, 'created', $2, $3)`,
        [id, actor.id, JSON.stringify(dto)],
      );
      await this.outbox.add(m, ParticipationEvents.cycleCreated, {
        aggregate: { type: 'cycle', id },
        data: { cycleId: id, programmeId: dto.programmeId, code: dto.code },
        actorId: actor.id,
      });
    });
    return this.get(id);
  }

  async get(id: string): Promise<CycleView> {
    const [cycle] = await this.dataSource.query(`SELECT id, programme_id, code, title FROM cycles WHERE id = $1`, [id]);
    if (!cycle) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
    const now = this.clock.now();
    const phases = (
      await this.dataSource.query(
        `SELECT kind, opens_at, closes_at FROM phases WHERE cycle_id = $1 ORDER BY opens_at`,
        [id],
      )
    ).map((p: { kind: string; opens_at: Date; closes_at: Date }) => ({
      kind: p.kind,
      opensAt: p.opens_at.toISOString(),
      closesAt: p.closes_at.toISOString(),
      open: now >= p.opens_at && now < p.closes_at,
    }));
    const themes = await this.dataSource.query(
      `SELECT id, number, title FROM themes WHERE cycle_id = $1 ORDER BY number`,
      [id],
    );
    return {
      id: cycle.id,
      programmeId: cycle.programme_id,
      code: cycle.code,
      title: cycle.title,
      phases,
      currentPhases: phases.filter((p: { open: boolean }) => p.open).map((p: { kind: string }) => p.kind),
      themes,
    };
  }

  async list(query: PageQuery): Promise<Page<CycleView>> {
    const { limit, offset } = boundPage(query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM cycles`);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM cycles ORDER BY created_at DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return { items: await Promise.all(rows.map((r) => this.get(r.id))), total, limit, offset };
  }

  /** A sub-list of a cycle that does not exist is a 404, not an empty list. */
  async assertExists(cycleId: string, manager: DataSource | EntityManager = this.dataSource): Promise<void> {
    const [cycle] = await manager.query(`SELECT 1 FROM cycles WHERE id = $1`, [cycleId]);
    if (!cycle) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
  }

  /** The space of a phase accepts input now, or the call is refused with the dates. */
  async assertOpen(manager: EntityManager, cycleId: string, kind: PhaseKind): Promise<void> {
    const [phase] = await manager.query(`SELECT opens_at, closes_at FROM phases WHERE cycle_id = $1 AND kind = $2`, [
      cycleId,
      kind,
    ]);
    if (!phase) {
      const [cycle] = await manager.query(`SELECT 1 FROM cycles WHERE id = $1`, [cycleId]);
      this.assertOpenPhase(kind, null, !!cycle);
    }
    this.assertOpenPhase(kind, phase, true);
  }

  /** assertOpen's verdict on a phase already read (null: the cycle has no such phase) by a caller saving round trips. */
  assertOpenPhase(kind: PhaseKind, phase: { opens_at: Date; closes_at: Date } | null, cycleExists: boolean): void {
    if (!phase) {
      if (!cycleExists) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
      throw new DomainError(ErrorCode.WINDOW_CLOSED, `this cycle has no ${kind} phase`, { closesAt: 'never opened' });
    }
    assertWindow(this.clock.now(), phase.opens_at, phase.closes_at);
  }
}
