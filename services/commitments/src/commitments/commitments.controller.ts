import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentQueryDto, CommitmentsRpc, IdParamDto } from '@ogp/contracts';
import { GatewayValidated, RpcIdempotencyKey } from '@ogp/messaging';
import { CommitmentViews } from './commitment-views.service';
import { CommitmentsService } from './commitments.service';
import {
  HistoryQueryDto,
  ManualLevelCmd,
  OverrideLevelCmd,
  PlanCommitmentDto,
  UpdateCommitmentCmd,
} from './dto/commitments.dto';

/** Commitment cards: create, edit, read, list, their history and their completion level. */
@Controller()
export class CommitmentsController {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly views: CommitmentViews,
  ) {}

  @MessagePattern(CommitmentsRpc.createCommitment.subject)
  async create(
    @Payload() dto: PlanCommitmentDto,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ) {
    const { planId, ...card } = dto;
    return this.views.get(await this.commitments.create(actor, planId, card, undefined, key));
  }

  @MessagePattern(CommitmentsRpc.updateCommitment.subject)
  update(@Payload() dto: UpdateCommitmentCmd, @RpcActor() actor: Actor | null) {
    const { id, ...change } = dto;
    return this.commitments.update(actor, id, change);
  }

  // The hottest read: the repository answers not found for anything but a UUID, without reaching Postgres.
  @MessagePattern(CommitmentsRpc.getCommitment.subject)
  get(@Payload() dto: GatewayValidated<IdParamDto>) {
    return this.views.get(dto.id);
  }

  @MessagePattern(CommitmentsRpc.listCommitments.subject)
  list(@Payload() query: CommitmentQueryDto) {
    return this.views.list(query);
  }

  @MessagePattern(CommitmentsRpc.history.subject)
  history(@Payload() query: HistoryQueryDto) {
    return this.views.history(query.id, query);
  }

  @MessagePattern(CommitmentsRpc.setManualLevel.subject)
  setManualLevel(@Payload() dto: ManualLevelCmd, @RpcActor() actor: Actor | null) {
    return this.commitments.setManualLevel(actor, dto.commitmentId, dto);
  }

  @MessagePattern(CommitmentsRpc.overrideLevel.subject)
  overrideLevel(@Payload() dto: OverrideLevelCmd, @RpcActor() actor: Actor | null) {
    return this.commitments.overrideLevel(actor, dto.commitmentId, dto);
  }
}
