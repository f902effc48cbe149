import { Injectable } from '@nestjs/common';
import { Localized } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface CycleRow {
  id: string;
  programme_id: string;
  code: string;
  title: Localized;
}

export interface ThemeRow {
  id: string;
  number: number;
  title: Localized;
}

/** cycles and their themes. */
@Injectable()
export class CyclesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async exists(cycleId: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await m.query<unknown[]>(`SELECT 1 FROM cycles WHERE id = $1`, [cycleId]);
    return rows.length > 0;
  }

  async codeTaken(m: EntityManager, code: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(`SELECT 1 FROM cycles WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async insert(
    m: EntityManager,
    cycle: { id: string; programmeId: string; code: string; title: Localized; createdBy: string | null },
  ): Promise<void> {
    await m.query(`INSERT INTO cycles (id, programme_id, code, title, created_by) VALUES ($1, $2, $3, $4, $5)`, [
      cycle.id,
      cycle.programmeId,
      cycle.code,
      JSON.stringify(cycle.title),
      cycle.createdBy,
    ]);
  }

  async insertTheme(m: EntityManager, theme: { id: string; cycleId: string; number: number; title: Localized }) {
    await m.query(`INSERT INTO themes (id, cycle_id, number, title) VALUES ($1, $2, $3, $4)`, [
      theme.id,
      theme.cycleId,
      theme.number,
      JSON.stringify(theme.title),
    ]);
  }

  async find(id: string, m: EntityManager = this.dataSource.manager): Promise<CycleRow | undefined> {
    const [row] = await m.query<CycleRow[]>(`SELECT id, programme_id, code, title FROM cycles WHERE id = $1`, [id]);
    return row;
  }

  themes(cycleId: string, m: EntityManager = this.dataSource.manager): Promise<ThemeRow[]> {
    return m.query<ThemeRow[]>(`SELECT id, number, title FROM themes WHERE cycle_id = $1 ORDER BY number`, [cycleId]);
  }

  async themeInCycle(cycleId: string, themeId: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await m.query<unknown[]>(`SELECT 1 FROM themes WHERE id = $1 AND cycle_id = $2`, [themeId, cycleId]);
    return rows.length > 0;
  }

  async count(): Promise<number> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM cycles`);
    return total;
  }

  /** Newest first. */
  async pageIds(limit: number, offset: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM cycles ORDER BY created_at DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map((r) => r.id);
  }
}
