import { Module } from '@nestjs/common';
import { DeadEmailsRepository } from './dead-emails.repository';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';

@Module({
  controllers: [DeadLettersController],
  providers: [DeadEmailsRepository, DeadLettersService],
})
export class DeadLettersModule {}
