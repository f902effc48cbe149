import { Module } from '@nestjs/common';
import { CommitmentCoreModule } from '../commitments/commitment-core.module';
import { CommunicationsController } from './communications.controller';
import { CommunicationsRepository } from './communications.repository';
import { CommunicationsService } from './communications.service';

@Module({
  imports: [CommitmentCoreModule],
  controllers: [CommunicationsController],
  providers: [CommunicationsService, CommunicationsRepository],
})
export class CommunicationsModule {}
