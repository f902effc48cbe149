import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { FollowView, NotificationsRpc, Page, PageQueryDto } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { FollowTargetDto } from './follow-target.dto';
import { FollowsService } from './follows.service';

@Controller()
export class FollowsController {
  constructor(private readonly follows: FollowsService) {}

  @MessagePattern(NotificationsRpc.follow.subject)
  follow(
    @Payload() dto: FollowTargetDto,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ): Promise<FollowView> {
    return this.follows.follow(actor, dto.kind, dto.id, key);
  }

  @MessagePattern(NotificationsRpc.unfollow.subject)
  unfollow(@Payload() dto: FollowTargetDto, @RpcActor() actor: Actor | null): Promise<{ following: false }> {
    return this.follows.unfollow(actor, dto.kind, dto.id);
  }

  @MessagePattern(NotificationsRpc.listFollows.subject)
  list(@Payload() query: PageQueryDto, @RpcActor() actor: Actor | null): Promise<Page<FollowView>> {
    return this.follows.list(actor, query);
  }
}
