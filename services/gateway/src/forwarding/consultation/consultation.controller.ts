import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { CommentAnswerDto, CommentDto, DraftCommitmentDto, ErrorCode, ParticipationRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** The public consultation on draft commitments: comments from the public, answers from the administration. */
@ApiTags('co-creation')
@ApiOperationPrefix('participation')
@Controller()
export class ConsultationController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('cycles/:id/drafts')
  drafts(@Param('id', uuid()) cycleId: string) {
    return this.rpc.request(ParticipationRpc.listDrafts, { cycleId });
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post('drafts')
  createDraft(@Req() req: AuthedRequest, @Body() dto: DraftCommitmentDto) {
    return this.rpc.request(ParticipationRpc.createDraft, dto, asActor(req));
  }
  @Public()
  @Get('drafts/:id/comments')
  comments(@Param('id', uuid()) draftId: string, @Query() page: PageQueryDto) {
    return this.rpc.request(ParticipationRpc.listComments, { draftId, limit: page.limit, offset: page.offset });
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.PUBLIC_PARTICIPANTS, 'committee_member')
  @ApiErrors(ErrorCode.WINDOW_NOT_OPEN, ErrorCode.WINDOW_CLOSED)
  @Post('drafts/:id/comments')
  comment(@Req() req: AuthedRequest, @Param('id', uuid()) draftId: string, @Body() dto: CommentDto) {
    return this.rpc.request(ParticipationRpc.comment, { ...dto, draftId }, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.MANAGERS)
  @HttpCode(200)
  @Post('comments/:id/answer')
  answer(@Req() req: AuthedRequest, @Param('id', uuid()) commentId: string, @Body() dto: CommentAnswerDto) {
    return this.rpc.request(ParticipationRpc.answerComment, { ...dto, commentId }, asActor(req));
  }

  /** Who answered a comment and every later change of the answer: public, like the answer itself. */
  @Public()
  @Get('comments/:id/history')
  commentHistory(@Param('id', uuid()) commentId: string, @Query() page: PageQueryDto) {
    return this.rpc.request(ParticipationRpc.commentHistory, { id: commentId, limit: page.limit, offset: page.offset });
  }
}
