import { Injectable } from '@nestjs/common';
import { Actor, assertRole, isInScope, listScope } from '@ogp/auth';
import { AlertView, boundPage, CommitmentsRpc, DomainError, ErrorCode, Page, PageQuery } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { DataSource } from 'typeorm';

const READERS = ['coordinator', 'admin', 'committee_member'] as const;

/** Alerts as the staff read them: a committee member sees their own programmes' alerts, nothing else. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rpc: NatsRpcClient,
  ) {}

  /** A programme outside the actor's scope is refused (403), not answered with an empty page that would hide the mistake. */
  async list(
    actor: Actor | null,
    query: PageQuery & { programmeId?: string; kind?: string },
  ): Promise<Page<AlertView>> {
    assertRole(actor, READERS);
    if (query.programmeId && !isInScope(actor, { programmeId: query.programmeId }))
      throw new DomainError(ErrorCode.OUT_OF_SCOPE, 'this programme is not yours');
    // The alerts of a programme that does not exist are a 404; the programme is the commitments service's.
    if (query.programmeId) await this.rpc.request(CommitmentsRpc.getProgramme, { id: query.programmeId });
    const { limit, offset } = boundPage(query);
    const scope = listScope(actor);
    const params = [query.programmeId ?? null, query.kind ?? null, scope ? scope.programmes : null];
    const where = `WHERE ($1::uuid IS NULL OR al.programme_id = $1) AND ($2::text IS NULL OR al.kind = $2) AND ($3::uuid[] IS NULL OR al.programme_id = ANY($3::uuid[]))`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM alerts al ${where}`, params);
    const rows: AlertView[] = await this.dataSource.query(
      // The item's commitment (an activity's, or the commitment itself) and titles, so a reader can go to it.
      `SELECT al.id, al.kind, al.item_id AS "itemId", al.programme_id AS "programmeId", al.period_key AS period, al.raised_at AS "raisedAt",
              c.id AS "commitmentId", c.title AS "commitmentTitle", a.title AS "activityTitle"
         FROM alerts al
         LEFT JOIN rm_activities a ON a.id = al.item_id
         LEFT JOIN rm_commitments c ON c.id = COALESCE(a.commitment_id, al.item_id)
         ${where}
        ORDER BY al.raised_at DESC, al.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { items: rows, total, limit, offset };
  }
}
