import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { DigestsController } from './digests.controller';
import { DigestsRepository } from './digests.repository';
import { DigestsService } from './digests.service';

@Module({
  imports: [EmailModule],
  controllers: [DigestsController],
  providers: [DigestsRepository, DigestsService],
})
export class DigestsModule {}
