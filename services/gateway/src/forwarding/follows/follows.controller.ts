import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { FollowTarget, FollowView, NotificationsRpc, Page } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { AuthenticatedActor } from '../../identity/jwt.strategy';
import { forwardedActor } from '../forwarded-actor';

type Authed = { user: AuthenticatedActor };
const id = () => new ParseUUIDPipe();

/** What a signed-in person follows: a commitment or a co-creation cycle, to hear of its public changes. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/follows')
export class FollowsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.ALL)
  @Get()
  list(@Req() req: Authed, @Query() query: PageQueryDto): Promise<Page<FollowView>> {
    return this.rpc.request(
      NotificationsRpc.listFollows,
      { limit: query.limit, offset: query.offset },
      { actor: forwardedActor(req.user) },
    );
  }

  @Roles(...RoleGroup.ALL)
  @Put('commitments/:id')
  followCommitment(@Req() req: Authed, @Param('id', id()) target: string): Promise<FollowView> {
    return this.follow(req, 'commitment', target);
  }

  @Roles(...RoleGroup.ALL)
  @HttpCode(204)
  @Delete('commitments/:id')
  async unfollowCommitment(@Req() req: Authed, @Param('id', id()) target: string): Promise<void> {
    await this.unfollow(req, 'commitment', target);
  }

  @Roles(...RoleGroup.ALL)
  @Put('cycles/:id')
  followCycle(@Req() req: Authed, @Param('id', id()) target: string): Promise<FollowView> {
    return this.follow(req, 'cycle', target);
  }

  @Roles(...RoleGroup.ALL)
  @HttpCode(204)
  @Delete('cycles/:id')
  async unfollowCycle(@Req() req: Authed, @Param('id', id()) target: string): Promise<void> {
    await this.unfollow(req, 'cycle', target);
  }

  private follow(req: Authed, kind: FollowTarget, target: string): Promise<FollowView> {
    return this.rpc.request(NotificationsRpc.follow, { kind, id: target }, { actor: forwardedActor(req.user) });
  }

  private unfollow(req: Authed, kind: FollowTarget, target: string): Promise<{ following: false }> {
    return this.rpc.request(NotificationsRpc.unfollow, { kind, id: target }, { actor: forwardedActor(req.user) });
  }
}
