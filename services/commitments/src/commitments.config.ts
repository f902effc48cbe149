import { BaseServiceConfig } from '@ogp/runtime';

export class CommitmentsConfig extends BaseServiceConfig {
  override DB_SCHEMA = 'commitments';
  override HTTP_PORT = 3101;
}
