import { IsInt, Matches, Max, Min } from 'class-validator';
import { BaseServiceConfig, Secret } from '@ogp/runtime';

export class NotificationsConfig extends BaseServiceConfig {
  override DB_SCHEMA = 'notifications';
  override HTTP_PORT = 3103;

  /** smtp://user:pass@host:port or smtps://… */
  @Secret()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:2525';

  @Matches(/^.+@.+$/, { message: 'must be an e-mail address, optionally with a name' })
  MAIL_FROM = 'OGP Platform <no-reply@ogp.platform>';

  @IsInt()
  @Min(1)
  @Max(100)
  EMAIL_MAX_ATTEMPTS = 12;
}
