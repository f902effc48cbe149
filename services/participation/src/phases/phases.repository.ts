import { Injectable } from '@nestjs/common';
import { PhaseKind } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface PhaseRow {
  kind: PhaseKind;
  opens_at: Date;
  closes_at: Date;
}

/** phases: a cycle's dated phases, one of each kind. */
@Injectable()
export class PhasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertAll(m: EntityManager, cycleId: string, phases: { kind: string; opensAt: string; closesAt: string }[]) {
    for (const p of phases)
      await m.query(`INSERT INTO phases (cycle_id, kind, opens_at, closes_at) VALUES ($1, $2, $3, $4)`, [
        cycleId,
        p.kind,
        p.opensAt,
        p.closesAt,
      ]);
  }

  async ofKind(
    cycleId: string,
    kind: PhaseKind,
    m: EntityManager = this.dataSource.manager,
  ): Promise<Omit<PhaseRow, 'kind'> | undefined> {
    const [phase] = await m.query<Omit<PhaseRow, 'kind'>[]>(
      `SELECT opens_at, closes_at FROM phases WHERE cycle_id = $1 AND kind = $2`,
      [cycleId, kind],
    );
    return phase;
  }

  /** In calendar order. */
  ofCycle(cycleId: string, m: EntityManager = this.dataSource.manager): Promise<PhaseRow[]> {
    return m.query<PhaseRow[]>(`SELECT kind, opens_at, closes_at FROM phases WHERE cycle_id = $1 ORDER BY opens_at`, [
      cycleId,
    ]);
  }
}
