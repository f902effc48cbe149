import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { ErrorCode, HideIdeaDto, ParticipationRpc, ReportIdeaDto, SubmitIdeaDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';
import { IdeaQueryDto } from './idea-query.dto';
import { SimilarQueryDto } from './similar-query.dto';

/** Ideas of a cycle: the public submits and supports them, anyone reads them, staff hide one. */
@ApiTags('co-creation')
@ApiOperationPrefix('participation')
@Controller()
export class IdeasController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('cycles/:id/ideas')
  ideas(@Param('id', uuid()) cycleId: string, @Query() q: IdeaQueryDto) {
    return this.rpc.request(ParticipationRpc.listIdeas, {
      cycleId,
      themeId: q.themeId,
      limit: q.limit,
      offset: q.offset,
    });
  }
  @Public()
  @Get('cycles/:id/ideas/similar')
  similar(@Param('id', uuid()) cycleId: string, @Query() q: SimilarQueryDto) {
    return this.rpc.request(ParticipationRpc.similarIdeas, { cycleId, text: q.text });
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.PUBLIC_PARTICIPANTS)
  @ApiErrors(ErrorCode.WINDOW_NOT_OPEN, ErrorCode.WINDOW_CLOSED, ErrorCode.RATE_LIMITED)
  @Post('ideas')
  submit(@Req() req: AuthedRequest, @Body() dto: SubmitIdeaDto) {
    return this.rpc.request(ParticipationRpc.submitIdea, dto, asActor(req));
  }
  @Public()
  @Get('ideas/:id')
  idea(@Req() req: AuthedRequest, @Param('id', uuid()) ideaId: string) {
    return this.rpc.request(ParticipationRpc.getIdea, { id: ideaId }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.ALL)
  @Get('me/ideas')
  mine(@Req() req: AuthedRequest, @Query() page: PageQueryDto) {
    return this.rpc.request(ParticipationRpc.myIdeas, { limit: page.limit, offset: page.offset }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.ALL)
  @HttpCode(200)
  @Post('ideas/:id/report')
  report(@Req() req: AuthedRequest, @Param('id', uuid()) ideaId: string, @Body() dto: ReportIdeaDto) {
    return this.rpc.request(ParticipationRpc.reportIdea, { ...dto, ideaId }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post('ideas/:id/hide')
  hide(@Req() req: AuthedRequest, @Param('id', uuid()) ideaId: string, @Body() dto: HideIdeaDto) {
    return this.rpc.request(ParticipationRpc.hideIdea, { ...dto, ideaId }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.PUBLIC_PARTICIPANTS)
  @HttpCode(200)
  @Post('ideas/:id/support')
  support(@Req() req: AuthedRequest, @Param('id', uuid()) ideaId: string) {
    return this.rpc.request(ParticipationRpc.supportIdea, { ideaId }, asActor(req));
  }
}
