import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@ogp/auth';
import {
  AddActivityDto,
  AnswerBlockerDto,
  CommitmentQueryDto,
  CommunicationDto,
  ErrorCode,
  EVIDENCE_TYPES,
  IndicatorValueDto,
  IsOptional,
  ManualLevelDto,
  OverrideLevelDto,
  PlansRpc,
  RaiseBlockerDto,
  ReportProgressDto,
  SetWeightsDto,
  UpdateCommitmentDto,
} from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { IsIn, IsUUID } from 'class-validator';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { STAFF_ROLES } from '../access/all-roles.constant';
import { PageQueryDto } from '../http/page-query.dto';
import { AuthenticatedActor } from '../identity/jwt.strategy';
import { ApiFileResponse } from '../openapi/api-file-response.decorator';
import { forwardedActor } from './forwarded-actor';

type Authed = { user: AuthenticatedActor };
const MANAGERS = ['project_manager', 'coordinator', 'admin'] as const;

class BlockerQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['open', 'answered', 'closed'])
  status?: string;

  @IsOptional()
  @IsUUID()
  commitmentId?: string;
}

/** Commitment cards and their tracking. Reads are public; project managers act on their own. */
@ApiTags('commitments')
@Controller()
export class CommitmentsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('commitments')
  list(@Query() query: CommitmentQueryDto) {
    return this.rpc.request(PlansRpc.listCommitments, query);
  }

  @Public()
  @Get('commitments/:id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.rpc.request(PlansRpc.getCommitment, { id });
  }

  @Public()
  @Get('commitments/:id/history')
  history(@Param('id', new ParseUUIDPipe()) id: string, @Query() page: PageQueryDto) {
    return this.rpc.request(PlansRpc.history, { id, limit: page.limit, offset: page.offset });
  }

  @Public()
  @Get('commitments/:id/reports')
  reports(@Param('id', new ParseUUIDPipe()) commitmentId: string, @Query() page: PageQueryDto) {
    return this.rpc.request(PlansRpc.listReports, { commitmentId, limit: page.limit, offset: page.offset });
  }

  /** An evidence file, sent as a download of its checked type, never rendered inline. */
  @Public()
  @ApiFileResponse(...EVIDENCE_TYPES)
  @Get('evidence/:id')
  async evidence(@Param('id', new ParseUUIDPipe()) id: string, @Res() reply: FastifyReply) {
    const file = await this.rpc.request(PlansRpc.evidenceFile, { id });
    await reply
      .header('content-type', file.type)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(Buffer.from(file.content, 'base64'));
  }

  @Public()
  @Get('commitments/:id/communications')
  communications(@Param('id', new ParseUUIDPipe()) commitmentId: string) {
    return this.rpc.request(PlansRpc.listCommunications, { commitmentId });
  }

  @ApiBearerAuth()
  @Roles(...MANAGERS)
  @Patch('commitments/:id')
  update(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateCommitmentDto) {
    return this.rpc.request(PlansRpc.updateCommitment, { ...dto, id }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...MANAGERS)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post('commitments/:id/activities')
  addActivity(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) commitmentId: string, @Body() dto: AddActivityDto) {
    return this.rpc.request(PlansRpc.addActivity, { ...dto, commitmentId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...MANAGERS)
  @Delete('commitments/:id/activities/:activityId')
  removeActivity(
    @Req() req: Authed,
    @Param('id', new ParseUUIDPipe()) commitmentId: string,
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
  ) {
    return this.rpc.request(PlansRpc.removeActivity, { commitmentId, activityId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...MANAGERS)
  @Put('commitments/:id/weights')
  setWeights(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) commitmentId: string, @Body() dto: SetWeightsDto) {
    return this.rpc.request(PlansRpc.setWeights, { ...dto, commitmentId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...MANAGERS)
  @Post('commitments/:id/progress')
  reportProgress(
    @Req() req: Authed,
    @Param('id', new ParseUUIDPipe()) commitmentId: string,
    @Body() dto: ReportProgressDto,
  ) {
    return this.rpc.request(PlansRpc.reportProgress, { ...dto, commitmentId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...MANAGERS)
  @Put('commitments/:id/indicators')
  setIndicator(
    @Req() req: Authed,
    @Param('id', new ParseUUIDPipe()) commitmentId: string,
    @Body() dto: IndicatorValueDto,
  ) {
    return this.rpc.request(PlansRpc.setIndicator, { ...dto, commitmentId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...MANAGERS)
  @Put('commitments/:id/manual-level')
  setManualLevel(
    @Req() req: Authed,
    @Param('id', new ParseUUIDPipe()) commitmentId: string,
    @Body() dto: ManualLevelDto,
  ) {
    return this.rpc.request(PlansRpc.setManualLevel, { ...dto, commitmentId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @Put('commitments/:id/completion-level-override')
  overrideLevel(
    @Req() req: Authed,
    @Param('id', new ParseUUIDPipe()) commitmentId: string,
    @Body() dto: OverrideLevelDto,
  ) {
    return this.rpc.request(PlansRpc.overrideLevel, { ...dto, commitmentId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...MANAGERS)
  @Post('commitments/:id/communications')
  addCommunication(
    @Req() req: Authed,
    @Param('id', new ParseUUIDPipe()) commitmentId: string,
    @Body() dto: CommunicationDto,
  ) {
    return this.rpc.request(PlansRpc.addCommunication, { ...dto, commitmentId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles(...MANAGERS)
  @Post('commitments/:id/blockers')
  raiseBlocker(
    @Req() req: Authed,
    @Param('id', new ParseUUIDPipe()) commitmentId: string,
    @Body() dto: RaiseBlockerDto,
  ) {
    return this.rpc.request(PlansRpc.raiseBlocker, { ...dto, commitmentId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles('project_manager', 'committee_member', 'coordinator', 'admin')
  @Get('blockers')
  blockers(@Req() req: Authed, @Query() query: BlockerQueryDto) {
    return this.rpc.request(PlansRpc.listBlockers, query, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles('committee_member', 'coordinator', 'admin')
  @HttpCode(200)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post('blockers/:id/answer')
  answer(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) blockerId: string, @Body() dto: AnswerBlockerDto) {
    return this.rpc.request(PlansRpc.answerBlocker, { ...dto, blockerId }, { actor: forwardedActor(req.user) });
  }

  @ApiBearerAuth()
  @Roles('project_manager', 'committee_member', 'coordinator', 'admin')
  @HttpCode(200)
  @ApiErrors(ErrorCode.CONFLICT)
  @Post('blockers/:id/close')
  close(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) blockerId: string) {
    return this.rpc.request(PlansRpc.closeBlocker, { blockerId }, { actor: forwardedActor(req.user) });
  }
}
