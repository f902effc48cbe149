import { Module } from '@nestjs/common';
import { PhasesRepository } from './phases.repository';
import { PhasesService } from './phases.service';

/** Phases have no subjects of their own: they are written with their cycle and read by every feature that opens a space. */
@Module({ providers: [PhasesRepository, PhasesService], exports: [PhasesRepository, PhasesService] })
export class PhasesModule {}
