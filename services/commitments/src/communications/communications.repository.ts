import { Injectable } from '@nestjs/common';
import { CommunicationDto, Localized } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

export interface CommunicationRow {
  id: string;
  kind: string;
  title: Localized;
  happenedOn: string;
  link: string | null;
}

/** The communication_activities table: how a commitment was made known. */
@Injectable()
export class CommunicationsRepository {
  async insert(
    m: EntityManager,
    c: { id: string; commitmentId: string; reportedBy: string } & CommunicationDto,
  ): Promise<void> {
    await m.query(
      `INSERT INTO communication_activities (id, commitment_id, kind, title, happened_on, link, reported_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [c.id, c.commitmentId, c.kind, JSON.stringify(c.title), c.happenedOn, c.link ?? null, c.reportedBy],
    );
  }

  /** The latest 200, newest first. */
  listOf(m: EntityManager, commitmentId: string): Promise<CommunicationRow[]> {
    return m.query<CommunicationRow[]>(
      `SELECT id, kind, title, happened_on::text AS "happenedOn", link FROM communication_activities WHERE commitment_id = $1 ORDER BY happened_on DESC, id LIMIT 200`,
      [commitmentId],
    );
  }
}
