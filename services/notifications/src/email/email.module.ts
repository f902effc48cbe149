import { Module } from '@nestjs/common';
import { EmailComposer } from './email-composer';
import { EmailQueueRepository } from './email-queue.repository';
import { EmailSender } from './email-sender';

/** The e-mail queue and its sender. */
@Module({
  providers: [EmailQueueRepository, EmailComposer, EmailSender],
  exports: [EmailQueueRepository],
})
export class EmailModule {}
