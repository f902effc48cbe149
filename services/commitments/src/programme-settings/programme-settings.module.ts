import { Module } from '@nestjs/common';
import { ProgrammeSettingsController } from './programme-settings.controller';
import { ProgrammeSettingsRepository } from './programme-settings.repository';
import { ProgrammeSettingsService } from './programme-settings.service';

@Module({
  controllers: [ProgrammeSettingsController],
  providers: [ProgrammeSettingsService, ProgrammeSettingsRepository],
})
export class ProgrammeSettingsModule {}
