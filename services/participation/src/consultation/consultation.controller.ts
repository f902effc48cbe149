import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { DraftCommitmentDto, ParticipationRpc } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { CycleRefDto } from '../cycles/cycles.dto';
import { AnswerCommandDto, CommentCommandDto, CommentHistoryDto, CommentListDto } from './consultation.dto';
import { ConsultationService } from './consultation.service';

@Controller()
export class ConsultationController {
  constructor(private readonly consultation: ConsultationService) {}

  @MessagePattern(ParticipationRpc.createDraft.subject)
  createDraft(
    @Payload() dto: DraftCommitmentDto,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ) {
    return this.consultation.createDraft(actor, dto, key);
  }
  @MessagePattern(ParticipationRpc.listDrafts.subject)
  listDrafts(@Payload() dto: CycleRefDto) {
    return this.consultation.listDrafts(dto.cycleId);
  }
  @MessagePattern(ParticipationRpc.comment.subject)
  comment(@Payload() dto: CommentCommandDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.consultation.comment(actor, dto.draftId, dto.body, key);
  }
  @MessagePattern(ParticipationRpc.listComments.subject)
  comments(@Payload() dto: CommentListDto) {
    return this.consultation.list(dto);
  }
  @MessagePattern(ParticipationRpc.answerComment.subject)
  answer(@Payload() dto: AnswerCommandDto, @RpcActor() actor: Actor | null) {
    return this.consultation.answer(actor, dto.commentId, dto.answer);
  }
  @MessagePattern(ParticipationRpc.commentHistory.subject)
  history(@Payload() dto: CommentHistoryDto) {
    return this.consultation.history(dto);
  }
}
