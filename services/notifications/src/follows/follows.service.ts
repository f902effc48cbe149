import { Injectable } from '@nestjs/common';
import { Actor, assertRole, RoleGroup } from '@ogp/auth';
import {
  boundPage,
  CommitmentsRpc,
  DomainError,
  ErrorCode,
  FollowTarget,
  FollowView,
  Localized,
  NotificationsRpc,
  Page,
  PageQuery,
  ParticipationRpc,
} from '@ogp/contracts';
import { NatsRpcClient, runIdempotent } from '@ogp/messaging';
import { DataSource } from 'typeorm';
import { FollowsRepository } from './follows.repository';

/**
 * A signed-in person follows a commitment or a co-creation cycle. The owning service is asked
 * whether the item exists (its answer is the truth, not a copy that may lag), so a follow
 * always names something real.
 */
@Injectable()
export class FollowsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly follows: FollowsRepository,
    private readonly rpc: NatsRpcClient,
  ) {}

  /** A retry with the same idempotency key (its answer was lost) gets the first answer and writes nothing. */
  async follow(
    actor: Actor | null,
    kind: FollowTarget,
    id: string,
    idempotencyKey: string | null = null,
  ): Promise<FollowView> {
    assertRole(actor, RoleGroup.ALL);
    const title = await this.existing(kind, id);
    return this.dataSource.transaction((m) =>
      runIdempotent(m, idempotencyKey && `${actor.id}:${idempotencyKey}`, NotificationsRpc.follow.subject, () =>
        this.follows.put(m, actor.id, kind, id, title),
      ),
    );
  }

  async unfollow(actor: Actor | null, kind: FollowTarget, id: string): Promise<{ following: false }> {
    assertRole(actor, RoleGroup.ALL);
    await this.follows.remove(actor.id, kind, id);
    return { following: false };
  }

  async list(actor: Actor | null, query: PageQuery): Promise<Page<FollowView>> {
    assertRole(actor, RoleGroup.ALL);
    const { limit, offset } = boundPage(query);
    const { items, total } = await this.follows.list(actor.id, limit, offset);
    return { items, total, limit, offset };
  }

  /** The item's title from its owning service; NOT_FOUND when it does not exist. */
  private async existing(kind: FollowTarget, id: string): Promise<Localized> {
    try {
      if (kind === 'commitment') return (await this.rpc.request(CommitmentsRpc.getCommitment, { id })).title;
      const cycle = await this.rpc.request(ParticipationRpc.getCycle, { id });
      await this.follows.savePhases(id, cycle.phases);
      return cycle.title;
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NOT_FOUND)
        throw new DomainError(ErrorCode.NOT_FOUND, `no ${kind} ${id}`);
      throw err;
    }
  }
}
