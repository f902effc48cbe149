import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What a plan import looks up by code: programmes and institutions. */
@Injectable()
export class PlanImportRepository {
  async institutionCodes(m: EntityManager): Promise<string[]> {
    const rows = await m.query<{ code: string }[]>(`SELECT code FROM institutions`);
    return rows.map((r) => r.code);
  }

  async programmeIdByCode(m: EntityManager, code: string): Promise<string | undefined> {
    const [row] = await m.query<{ id: string }[]>(`SELECT id FROM programmes WHERE code = $1`, [code]);
    return row?.id;
  }
}
