import { Injectable } from '@nestjs/common';
import { Localized, PublicationDto, PublicationView } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface PublicationRow {
  id: string;
  kind: string;
  title: Localized;
  body: Localized;
  attachments: PublicationView['attachments'];
  status: PublicationView['status'];
  published_at: Date | null;
  created_by: string | null;
  created_at: Date;
  cycle_id: string | null;
}

/** publications: news, minutes, guides and documents. */
@Injectable()
export class PublicationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, id: string, dto: PublicationDto, createdBy: string): Promise<PublicationRow> {
    const [row] = await m.query<PublicationRow[]>(
      `INSERT INTO publications (id, kind, title, body, attachments, created_by, cycle_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        id,
        dto.kind,
        JSON.stringify(dto.title),
        JSON.stringify(dto.body),
        JSON.stringify(dto.attachments ?? []),
        createdBy,
        dto.cycleId ?? null,
      ],
    );
    return row;
  }

  /** Publishes a draft; undefined when there is no such draft. */
  async publish(m: EntityManager, id: string, at: string): Promise<PublicationRow | undefined> {
    const [[row]] = await m.query<[PublicationRow[], number]>(
      `UPDATE publications SET status = 'published', published_at = $2 WHERE id = $1 AND status = 'draft' RETURNING *`,
      [id, at],
    );
    return row;
  }

  /** Newest first (by publication, else creation); published only unless `drafts`. */
  async page(filter: { kind?: string; drafts: boolean }, limit: number, offset: number) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (!filter.drafts) where.push(`status = 'published'`);
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM publications ${clause}`,
      params,
    );
    const rows = await this.dataSource.query<PublicationRow[]>(
      `SELECT * FROM publications ${clause} ORDER BY coalesce(published_at, created_at) DESC, id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { rows, total };
  }
}
