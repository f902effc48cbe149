import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { PublicationsController } from './publications.controller';
import { PublicationsRepository } from './publications.repository';
import { PublicationsService } from './publications.service';

@Module({
  imports: [CyclesModule],
  controllers: [PublicationsController],
  providers: [PublicationsRepository, PublicationsService],
})
export class PublicationsModule {}
