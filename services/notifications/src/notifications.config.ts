import { BaseServiceConfig } from '@ogp/runtime';

export class NotificationsConfig extends BaseServiceConfig {
  override DB_SCHEMA = 'notifications';
  override HTTP_PORT = 3103;
}
