import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CandidacyDto, GovernmentSeatDto, ParticipationRpc, SelectionDto } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { CycleRefDto } from '../cycles/cycles.dto';
import { EndSeatCommandDto } from './committee.dto';
import { CommitteeService } from './committee.service';

@Controller()
export class CommitteeController {
  constructor(private readonly committee: CommitteeService) {}

  @MessagePattern(ParticipationRpc.apply.subject)
  apply(@Payload() dto: CandidacyDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.committee.apply(actor, dto, key);
  }
  @MessagePattern(ParticipationRpc.listCandidacies.subject)
  candidacies(@Payload() dto: CycleRefDto, @RpcActor() actor: Actor | null) {
    return this.committee.candidacies(actor, dto.cycleId);
  }
  @MessagePattern(ParticipationRpc.select.subject)
  select(@Payload() dto: SelectionDto, @RpcActor() actor: Actor | null) {
    return this.committee.select(actor, dto);
  }
  @MessagePattern(ParticipationRpc.addGovernmentSeat.subject)
  governmentSeat(
    @Payload() dto: GovernmentSeatDto,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ) {
    return this.committee.addGovernmentSeat(actor, dto, key);
  }
  @MessagePattern(ParticipationRpc.endSeat.subject)
  endSeat(@Payload() dto: EndSeatCommandDto, @RpcActor() actor: Actor | null) {
    return this.committee.endSeat(actor, dto.seatId, dto.reason);
  }
  @MessagePattern(ParticipationRpc.composition.subject)
  composition() {
    return this.committee.composition();
  }
}
