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
  async list(actor: Actor | null, query: PageQuery & { programmeId?: string; kind?: string }): Promise<Page<AlertView>> {
    assertRole(actor, READERS);
    if (query.programmeId && !isInScope(actor, { programmeId: query.programmeId })) throw new DomainError(ErrorCode.OUT_OF_SCOPE, 'this programme is not yours');
    // The alerts of a programme that does not exist are a 404; the programme is the commitments service's.
    if (query.programmeId) await this.rpc.request(CommitmentsRpc.getProgramme, { id: query.programmeId });
    const { limit, offset } = boundPage(query);
    const scope = listScope(actor);
    const params = [query.programmeId ?? null, query.kind ?? null, scope ? scope.programmes : null];
    const where = `WHERE ($1::uuid IS NULL OR programme_id = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::uuid[] IS NULL OR programme_id = ANY($3::uuid[]))`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM alerts ${where}`, params);
    const rows: AlertView[] = await this.dataSource.query(
      `SELECT id, kind, item_id AS "itemId", programme_id AS "programmeId", period_key AS period, raised_at AS "raisedAt" FROM alerts ${where}
        ORDER BY raised_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { items: rows, total, limit, offset };
  }
}
