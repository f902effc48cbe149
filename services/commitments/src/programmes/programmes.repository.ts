import { Injectable } from '@nestjs/common';
import { ProgrammeKind, Localized } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { hasRow } from '../database/has-row';
import { ProgrammeEntity } from './programme.entity';

export interface ProgrammeRow {
  id: string;
  code: string;
  kind: ProgrammeKind;
  name: Localized;
  description: Localized | null;
  createdAt: Date;
  createdBy: string | null;
}

/** The programmes table (its schedule settings are ProgrammeSettingsRepository's). */
@Injectable()
export class ProgrammesRepository {
  constructor(private readonly dataSource: DataSource) {}

  codeTaken(m: EntityManager, code: string): Promise<boolean> {
    return hasRow(m, `SELECT 1 FROM programmes WHERE code = $1`, [code]);
  }

  /** Inserts and reads back (the database sets the timestamps). */
  async insert(
    m: EntityManager,
    p: Pick<ProgrammeEntity, 'id' | 'code' | 'kind' | 'name' | 'description' | 'createdBy'>,
  ): Promise<ProgrammeEntity> {
    await m.insert(ProgrammeEntity, p);
    return m.findOneByOrFail(ProgrammeEntity, { id: p.id });
  }

  page(limit: number, offset: number): Promise<[ProgrammeEntity[], number]> {
    return this.dataSource
      .getRepository(ProgrammeEntity)
      .findAndCount({ order: { createdAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
  }

  /** The public read path: one indexed row, plain SQL. */
  async get(id: string): Promise<ProgrammeRow | undefined> {
    const [row] = await this.dataSource.query<ProgrammeRow[]>(
      `SELECT id, code, kind, name, description, created_at AS "createdAt", created_by AS "createdBy" FROM programmes WHERE id = $1`,
      [id],
    );
    return row;
  }
}
