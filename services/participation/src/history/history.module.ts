import { Module } from '@nestjs/common';
import { ParticipationHistoryRepository } from './participation-history.repository';

@Module({ providers: [ParticipationHistoryRepository], exports: [ParticipationHistoryRepository] })
export class HistoryModule {}
