import { Injectable } from '@nestjs/common';
import { CreateInstitutionDto, InstitutionView } from '@ogp/contracts';
import { EntityManager } from 'typeorm';
import { hasRow } from '../database/has-row';

const VIEW = `id, code, kind, name, tracking_strategy AS "trackingStrategy"`;

/** The institutions table: ministries and bodies that lead or support commitments. */
@Injectable()
export class InstitutionsRepository {
  codeTaken(m: EntityManager, code: string): Promise<boolean> {
    return hasRow(m, `SELECT 1 FROM institutions WHERE code = $1`, [code]);
  }

  async insert(m: EntityManager, id: string, dto: CreateInstitutionDto): Promise<void> {
    await m.query(`INSERT INTO institutions (id, code, kind, name, tracking_strategy) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      dto.code,
      dto.kind,
      JSON.stringify(dto.name),
      dto.trackingStrategy ?? null,
    ]);
  }

  async get(m: EntityManager, id: string): Promise<InstitutionView | undefined> {
    const [row] = await m.query<InstitutionView[]>(`SELECT ${VIEW} FROM institutions WHERE id = $1`, [id]);
    return row;
  }

  async count(m: EntityManager): Promise<number> {
    const [{ total }] = await m.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM institutions`);
    return total;
  }

  page(m: EntityManager, limit: number, offset: number): Promise<InstitutionView[]> {
    return m.query<InstitutionView[]>(`SELECT ${VIEW} FROM institutions ORDER BY code LIMIT $1 OFFSET $2`, [
      limit,
      offset,
    ]);
  }

  /** Every institution's id by its code (an import names institutions by code). */
  async idsByCode(m: EntityManager): Promise<Map<string, string>> {
    const rows = await m.query<{ code: string; id: string }[]>(`SELECT code, id FROM institutions`);
    return new Map(rows.map((r) => [r.code, r.id]));
  }
}
