import { Injectable } from '@nestjs/common';
import { Actor, assertRole, isInScope, listScope, RoleGroup } from '@ogp/auth';
import { AlertView, boundPage, CommitmentsRpc, DomainError, ErrorCode, Page, PageQuery } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { AlertsRepository } from './alerts.repository';

/** Alerts as the staff read them: a committee member sees their own programmes' alerts, nothing else. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly rpc: NatsRpcClient,
  ) {}

  /** A programme outside the actor's scope is refused (403), not answered with an empty page that would hide the mistake. */
  async list(
    actor: Actor | null,
    query: PageQuery & { programmeId?: string; kind?: string },
  ): Promise<Page<AlertView>> {
    assertRole(actor, RoleGroup.OVERSIGHT);
    if (query.programmeId && !isInScope(actor, { programmeId: query.programmeId }))
      throw new DomainError(ErrorCode.OUT_OF_SCOPE, 'this programme is not yours');
    // The alerts of a programme that does not exist are a 404; the programme is the commitments service's.
    if (query.programmeId) await this.rpc.request(CommitmentsRpc.getProgramme, { id: query.programmeId });
    const { limit, offset } = boundPage(query);
    const scope = listScope(actor);
    const filter = {
      programmeId: query.programmeId ?? null,
      kind: query.kind ?? null,
      programmes: scope ? scope.programmes : null,
    };
    const [total, items] = await Promise.all([this.alerts.count(filter), this.alerts.page(filter, limit, offset)]);
    return { items, total, limit, offset };
  }
}
