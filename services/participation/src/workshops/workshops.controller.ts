import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CreateWorkshopDto, ParticipationRpc } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { CycleRefDto, IdDto } from '../cycles/cycles.dto';
import {
  AttendanceCommandDto,
  CancelRegistrationDto,
  RankProblemsCommandDto,
  WorkshopOutputsCommandDto,
  WorkshopRefDto,
} from './workshops.dto';
import { WorkshopsService } from './workshops.service';

@Controller()
export class WorkshopsController {
  constructor(private readonly workshops: WorkshopsService) {}

  @MessagePattern(ParticipationRpc.createWorkshop.subject)
  create(@Payload() dto: CreateWorkshopDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.workshops.create(actor, dto, key);
  }
  @MessagePattern(ParticipationRpc.getWorkshop.subject)
  get(@Payload() dto: IdDto) {
    return this.workshops.get(dto.id);
  }
  @MessagePattern(ParticipationRpc.listWorkshops.subject)
  list(@Payload() dto: CycleRefDto) {
    return this.workshops.list(dto.cycleId);
  }
  @MessagePattern(ParticipationRpc.register.subject)
  register(@Payload() dto: WorkshopRefDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.workshops.register(actor, dto.workshopId, key);
  }
  @MessagePattern(ParticipationRpc.cancelRegistration.subject)
  cancel(@Payload() dto: CancelRegistrationDto, @RpcActor() actor: Actor | null) {
    return this.workshops.cancel(actor, dto.workshopId, dto.code);
  }
  @MessagePattern(ParticipationRpc.markAttendance.subject)
  attendance(@Payload() dto: AttendanceCommandDto, @RpcActor() actor: Actor | null) {
    return this.workshops.markAttendance(actor, dto.workshopId, dto);
  }
  @MessagePattern(ParticipationRpc.rankProblems.subject)
  problems(@Payload() dto: RankProblemsCommandDto, @RpcActor() actor: Actor | null) {
    return this.workshops.rankProblems(actor, dto.workshopId, dto);
  }
  @MessagePattern(ParticipationRpc.workshopOutputs.subject)
  outputs(@Payload() dto: WorkshopOutputsCommandDto, @RpcActor() actor: Actor | null) {
    return this.workshops.outputs(actor, dto.workshopId, dto);
  }
}
