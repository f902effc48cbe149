import { Module } from '@nestjs/common';
import { SnapshotController } from './snapshot.controller';
import { SnapshotRepository } from './snapshot.repository';
import { SnapshotService } from './snapshot.service';

@Module({ controllers: [SnapshotController], providers: [SnapshotService, SnapshotRepository] })
export class SnapshotModule {}
