import { Module } from '@nestjs/common';
import { NotifierModule } from '../dispatch/notifier.module';
import { FollowsController } from './follows.controller';
import { FollowsRepository } from './follows.repository';
import { FollowsService } from './follows.service';
import { PhaseAnnouncer } from './phase-announcer';

@Module({
  imports: [NotifierModule],
  controllers: [FollowsController],
  providers: [FollowsRepository, FollowsService, PhaseAnnouncer],
  exports: [FollowsRepository],
})
export class FollowsModule {}
