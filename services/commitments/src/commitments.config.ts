import { IsInt, Matches, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@ogp/runtime';

export class CommitmentsConfig extends BaseServiceConfig {
  override DB_SCHEMA = 'commitments';
  override HTTP_PORT = 3101;

  /** Code modules with tracking strategies of one's own, comma-separated paths, loaded at boot. */
  @Matches(/^[^\s]*$/, { message: 'must be comma-separated module paths without spaces' })
  TRACKING_STRATEGY_MODULES = '';

  /** How long a remote strategy has to answer before the last progress is kept and marked stale. */
  @IsInt()
  @Min(100)
  @Max(60000)
  REMOTE_STRATEGY_TIMEOUT_MS = 2000;
}
