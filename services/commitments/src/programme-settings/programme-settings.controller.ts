import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import {
  CommitmentsRpc,
  ProgrammeSettings,
  ProgrammeSettingsChangedEvent,
  SetProgrammeSettingsDto,
} from '@ogp/contracts';
import { SnapshotPageDto } from '../snapshot/dto/snapshot-page.dto';
import { ProgrammeIdDto } from '../plans/dto/plans.dto';
import { ProgrammeSettingsService } from './programme-settings.service';

@Controller()
export class ProgrammeSettingsController {
  constructor(private readonly settings: ProgrammeSettingsService) {}

  @MessagePattern(CommitmentsRpc.setProgrammeSettings.subject)
  set(@Payload() dto: SetProgrammeSettingsDto, @RpcActor() actor: Actor | null): Promise<ProgrammeSettings> {
    return this.settings.set(actor, dto);
  }

  @MessagePattern(CommitmentsRpc.getProgrammeSettings.subject)
  get(@Payload() dto: ProgrammeIdDto, @RpcActor() actor: Actor | null): Promise<ProgrammeSettings> {
    return this.settings.get(actor, dto.programmeId);
  }

  @MessagePattern(CommitmentsRpc.snapshotProgrammeSettings.subject)
  snapshot(@Payload() dto: SnapshotPageDto): Promise<ProgrammeSettingsChangedEvent[]> {
    return this.settings.snapshot(dto.after, dto.limit);
  }
}
