import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@ogp/runtime';

export class ParticipationConfig extends BaseServiceConfig {
  override DB_SCHEMA = 'participation';
  override HTTP_PORT = 3102;

  /** Ideas one person may submit in an hour. */
  @IsInt()
  @Min(1)
  @Max(100000)
  IDEA_RATE_LIMIT_PER_HOUR = 20;
}
