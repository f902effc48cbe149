import { BaseServiceConfig } from '@ogp/runtime';

export class ParticipationConfig extends BaseServiceConfig {
  override DB_SCHEMA = 'participation';
  override HTTP_PORT = 3102;
}
