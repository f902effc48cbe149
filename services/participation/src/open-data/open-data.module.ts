import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { OpenIdeasController } from './open-ideas.controller';
import { OpenIdeasRepository } from './open-ideas.repository';

@Module({ imports: [CyclesModule], controllers: [OpenIdeasController], providers: [OpenIdeasRepository] })
export class OpenDataModule {}
