import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ParticipationRpc } from '@ogp/contracts';
import { IdDto } from '../cycles/cycles.dto';
import { StatisticsService } from './statistics.service';

@Controller()
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @MessagePattern(ParticipationRpc.statistics.subject)
  compute(@Payload() dto: IdDto) {
    return this.statistics.compute(dto.id);
  }
}
