import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { AlertBatchesRepository } from './alert-batches.repository';
import { AlertBatchesService } from './alert-batches.service';

@Module({
  imports: [EmailModule],
  providers: [AlertBatchesRepository, AlertBatchesService],
  exports: [AlertBatchesService],
})
export class AlertBatchesModule {}
