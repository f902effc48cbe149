import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { BlockerQueryDto, CommitmentsRpc } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { BlockersService } from './blockers.service';
import { AnswerBlockerCmd, BlockerIdDto, RaiseBlockerCmd } from './dto/blockers.dto';

/** Blockers and the intervention requests they become. */
@Controller()
export class BlockersController {
  constructor(private readonly blockers: BlockersService) {}

  @MessagePattern(CommitmentsRpc.raiseBlocker.subject)
  raise(@Payload() dto: RaiseBlockerCmd, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    const { commitmentId, ...blocker } = dto;
    return this.blockers.raise(actor, commitmentId, blocker, key);
  }

  @MessagePattern(CommitmentsRpc.answerBlocker.subject)
  answer(@Payload() dto: AnswerBlockerCmd, @RpcActor() actor: Actor | null) {
    return this.blockers.answer(actor, dto.blockerId, dto);
  }

  @MessagePattern(CommitmentsRpc.closeBlocker.subject)
  close(@Payload() dto: BlockerIdDto, @RpcActor() actor: Actor | null) {
    return this.blockers.close(actor, dto.blockerId);
  }

  @MessagePattern(CommitmentsRpc.listBlockers.subject)
  list(@Payload() query: BlockerQueryDto, @RpcActor() actor: Actor | null) {
    return this.blockers.list(actor, query);
  }
}
