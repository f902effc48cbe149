import { Controller, Delete, Get, HttpCode, Param, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { FollowTarget, FollowView, NotificationsRpc, Page } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** What a signed-in person follows: a commitment or a co-creation cycle, to hear of its public changes. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/follows')
export class FollowsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.ALL)
  @Get()
  list(@Req() req: AuthedRequest, @Query() query: PageQueryDto): Promise<Page<FollowView>> {
    return this.rpc.request(NotificationsRpc.listFollows, { limit: query.limit, offset: query.offset }, asActor(req));
  }

  @Roles(...RoleGroup.ALL)
  @Put('commitments/:id')
  followCommitment(@Req() req: AuthedRequest, @Param('id', uuid()) target: string): Promise<FollowView> {
    return this.follow(req, 'commitment', target);
  }

  @Roles(...RoleGroup.ALL)
  @HttpCode(204)
  @Delete('commitments/:id')
  async unfollowCommitment(@Req() req: AuthedRequest, @Param('id', uuid()) target: string): Promise<void> {
    await this.unfollow(req, 'commitment', target);
  }

  @Roles(...RoleGroup.ALL)
  @Put('cycles/:id')
  followCycle(@Req() req: AuthedRequest, @Param('id', uuid()) target: string): Promise<FollowView> {
    return this.follow(req, 'cycle', target);
  }

  @Roles(...RoleGroup.ALL)
  @HttpCode(204)
  @Delete('cycles/:id')
  async unfollowCycle(@Req() req: AuthedRequest, @Param('id', uuid()) target: string): Promise<void> {
    await this.unfollow(req, 'cycle', target);
  }

  private follow(req: AuthedRequest, kind: FollowTarget, target: string): Promise<FollowView> {
    return this.rpc.request(NotificationsRpc.follow, { kind, id: target }, asActor(req));
  }

  private unfollow(req: AuthedRequest, kind: FollowTarget, target: string): Promise<{ following: false }> {
    return this.rpc.request(NotificationsRpc.unfollow, { kind, id: target }, asActor(req));
  }
}
