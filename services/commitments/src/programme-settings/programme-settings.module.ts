import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { ProgrammeSettingsController } from './programme-settings.controller';
import { ProgrammeSettingsRepository } from './programme-settings.repository';
import { ProgrammeSettingsService } from './programme-settings.service';

@Module({
  imports: [HistoryModule],
  controllers: [ProgrammeSettingsController],
  providers: [ProgrammeSettingsService, ProgrammeSettingsRepository],
})
export class ProgrammeSettingsModule {}
