import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc, ProgrammeSettings, SetProgrammeSettingsDto } from '@ogp/contracts';
import { ProgrammeSettingsService } from './programme-settings.service';

@Controller()
export class ProgrammeSettingsController {
  constructor(private readonly settings: ProgrammeSettingsService) {}

  @MessagePattern(CommitmentsRpc.setProgrammeSettings.subject)
  set(@Payload() dto: SetProgrammeSettingsDto, @RpcActor() actor: Actor | null): Promise<ProgrammeSettings> {
    return this.settings.set(actor, dto);
  }
}
