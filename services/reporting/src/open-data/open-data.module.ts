import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenDataRepository } from './open-data.repository';
import { OpenDataService } from './open-data.service';
import { PublicationsFeedService } from './publications-feed.service';

/** The published open-data files and the publications feed. */
@Module({
  controllers: [OpenDataController],
  providers: [OpenDataRepository, OpenDataService, PublicationsFeedService],
})
export class OpenDataModule {}
