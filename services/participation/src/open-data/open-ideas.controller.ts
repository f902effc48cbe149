import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ParticipationRpc } from '@ogp/contracts';
import { CyclesService } from '../cycles/cycles.service';
import { OpenIdeasCycleDto, OpenIdeasPageDto } from './open-data.dto';
import { OpenIdeasRepository } from './open-ideas.repository';

/** The public ideas of a cycle, for the reporting service's open data (anyone may read them anyway). */
@Controller()
export class OpenIdeasController {
  constructor(
    private readonly ideas: OpenIdeasRepository,
    private readonly cycles: CyclesService,
  ) {}

  @MessagePattern(ParticipationRpc.openIdeas.subject)
  async page(@Payload() dto: OpenIdeasPageDto) {
    await this.cycles.assertExists(dto.cycleId);
    return { items: await this.ideas.page(dto.cycleId, dto.after, dto.limit) };
  }

  @MessagePattern(ParticipationRpc.openIdeasVersion.subject)
  async version(@Payload() dto: OpenIdeasCycleDto) {
    await this.cycles.assertExists(dto.cycleId);
    return this.ideas.version(dto.cycleId);
  }
}
