import { Module } from '@nestjs/common';
import { CommitmentCoreModule } from '../commitments/commitment-core.module';
import { BlockersController } from './blockers.controller';
import { BlockersRepository } from './blockers.repository';
import { BlockersService } from './blockers.service';

@Module({
  imports: [CommitmentCoreModule],
  controllers: [BlockersController],
  providers: [BlockersService, BlockersRepository],
})
export class BlockersModule {}
