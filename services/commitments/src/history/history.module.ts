import { Module } from '@nestjs/common';
import { ChangeHistoryRepository } from './change-history.repository';

/** The accountability log every feature writes with its change. */
@Module({ providers: [ChangeHistoryRepository], exports: [ChangeHistoryRepository] })
export class HistoryModule {}
