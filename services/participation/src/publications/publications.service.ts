import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, hasAnyRole } from '@ogp/auth';
import {
  boundPage,
  DomainError,
  ErrorCode,
  Page,
  PageQuery,
  ParticipationEvents,
  PublicationDto,
  PublicationView,
} from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { DataSource } from 'typeorm';
import { STAFF } from '../cycles/cycles.service';

const view = (p: Record<string, unknown> & { published_at: Date | null }): PublicationView => ({
  id: p.id as string,
  kind: p.kind as string,
  cycleId: (p.cycle_id as string | null) ?? null,
  title: p.title as PublicationView['title'],
  body: p.body as PublicationView['body'],
  attachments: p.attachments as PublicationView['attachments'],
  status: p.status as PublicationView['status'],
  publishedAt: p.published_at ? p.published_at.toISOString() : null,
});

/** News, meeting minutes, guides and documents: drafted by the coordination team, then published. */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor | null, dto: PublicationDto): Promise<PublicationView> {
    assertRole(actor, STAFF);
    if (dto.cycleId) {
      const [cycle] = await this.dataSource.query(`SELECT 1 FROM cycles WHERE id = $1`, [dto.cycleId]);
      if (!cycle) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
    }
    const [row] = await this.dataSource.query(
      `INSERT INTO publications (id, kind, title, body, attachments, created_by, cycle_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        randomUUID(),
        dto.kind,
        JSON.stringify(dto.title),
        JSON.stringify(dto.body),
        JSON.stringify(dto.attachments ?? []),
        actor.id,
        dto.cycleId ?? null,
      ],
    );
    return view(row);
  }

  async publish(actor: Actor | null, id: string): Promise<PublicationView> {
    assertRole(actor, STAFF);
    return this.dataSource.transaction(async (m) => {
      const [row] = await m
        .query(
          `UPDATE publications SET status = 'published', published_at = $2 WHERE id = $1 AND status = 'draft' RETURNING *`,
          [id, this.clock.now().toISOString()],
        )
        .then((r) => r[0]);
      if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no such draft publication');
      await this.outbox.add(m, ParticipationEvents.publicationPublished, {
        aggregate: { type: 'publication', id },
        data: { publicationId: id, kind: row.kind, title: row.title, cycleId: row.cycle_id ?? null },
        actorId: actor.id,
      });
      return view(row);
    });
  }

  /** Public listing shows published items only; the coordination team may ask for drafts too. */
  async list(
    actor: Actor | null,
    query: PageQuery & { kind?: string; drafts?: boolean },
  ): Promise<Page<PublicationView>> {
    const { limit, offset } = boundPage(query);
    const drafts = query.drafts && hasAnyRole(actor, STAFF);
    const params: unknown[] = [];
    const where: string[] = [];
    if (!drafts) where.push(`status = 'published'`);
    if (query.kind) {
      params.push(query.kind);
      where.push(`kind = $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM publications ${clause}`,
      params,
    );
    const rows = await this.dataSource.query(
      `SELECT * FROM publications ${clause} ORDER BY coalesce(published_at, created_at) DESC, id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { items: rows.map(view), total, limit, offset };
  }
}
