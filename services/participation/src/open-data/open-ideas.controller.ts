import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FeedsRpc } from '@ogp/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CyclesService } from '../cycles/cycles.service';
import { OpenIdeasRepository } from './open-ideas.repository';

class After {
  @IsString()
  @MaxLength(40)
  submittedAt: string;

  @IsUUID()
  id: string;
}
class CycleDto {
  @IsUUID()
  cycleId: string;
}
class PageDto extends CycleDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => After)
  after?: After;

  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number;
}

/** The public ideas of a cycle, for the reporting service's open data (anyone may read them anyway). */
@Controller()
export class OpenIdeasController {
  constructor(
    private readonly ideas: OpenIdeasRepository,
    private readonly cycles: CyclesService,
  ) {}

  @MessagePattern(FeedsRpc.openIdeas.subject)
  async page(@Payload() dto: PageDto) {
    await this.cycles.assertExists(dto.cycleId);
    return { items: await this.ideas.page(dto.cycleId, dto.after, dto.limit) };
  }

  @MessagePattern(FeedsRpc.openIdeasVersion.subject)
  async version(@Payload() dto: CycleDto) {
    await this.cycles.assertExists(dto.cycleId);
    return this.ideas.version(dto.cycleId);
  }
}
