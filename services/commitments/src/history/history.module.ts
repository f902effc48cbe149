import { Module } from '@nestjs/common';
import { ChangeHistoryRepository } from './change-history.repository';
import { CommitmentJournal } from './commitment-journal';

/** The accountability log every feature writes with its change (and, for commitments, the event with it). */
@Module({
  providers: [ChangeHistoryRepository, CommitmentJournal],
  exports: [ChangeHistoryRepository, CommitmentJournal],
})
export class HistoryModule {}
