import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, assertRole, hasAnyRole, RoleGroup } from '@ogp/auth';
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
import { OutboxWriter, runIdempotent } from '@ogp/messaging';
import { Clock } from '@ogp/runtime';
import { DataSource } from 'typeorm';
import { CyclesService } from '../cycles/cycles.service';
import { PublicationRow, PublicationsRepository } from './publications.repository';

const view = (p: PublicationRow): PublicationView => ({
  id: p.id,
  kind: p.kind,
  cycleId: p.cycle_id ?? null,
  title: p.title,
  body: p.body,
  attachments: p.attachments,
  status: p.status,
  publishedAt: p.published_at ? p.published_at.toISOString() : null,
});

/** News, meeting minutes, guides and documents: drafted by the coordination team, then published. */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publications: PublicationsRepository,
    private readonly cycles: CyclesService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async create(
    actor: Actor | null,
    dto: PublicationDto,
    idempotencyKey: string | null = null,
  ): Promise<PublicationView> {
    assertRole(actor, RoleGroup.COORDINATION);
    if (dto.cycleId) await this.cycles.assertExists(dto.cycleId);
    return this.dataSource.transaction((m) =>
      runIdempotent(
        m,
        idempotencyKey && `${actor.id}:${idempotencyKey}`,
        'participation.publications.create',
        async () => view(await this.publications.insert(m, randomUUID(), dto, actor.id)),
      ),
    );
  }

  async publish(actor: Actor | null, id: string): Promise<PublicationView> {
    assertRole(actor, RoleGroup.COORDINATION);
    return this.dataSource.transaction(async (m) => {
      const row = await this.publications.publish(m, id, this.clock.now().toISOString());
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
    const drafts = !!query.drafts && hasAnyRole(actor, RoleGroup.COORDINATION);
    const { rows, total } = await this.publications.page({ kind: query.kind, drafts }, limit, offset);
    return { items: rows.map(view), total, limit, offset };
  }
}
