import { IsInt, IsUrl, Matches, Max, Min } from 'class-validator';
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

  /** A send not ended by then is abandoned (retried once its claim's lease runs out). */
  @IsInt()
  @Min(1)
  @Max(600)
  EMAIL_SEND_TIMEOUT_SECONDS = 60;

  /** How long a claimed e-mail is held by its sender; at least twice the send timeout (checked at boot). */
  @IsInt()
  @Min(2)
  @Max(3600)
  EMAIL_CLAIM_LEASE_SECONDS = 120;

  /** Where people open what a notification is about: links are PORTAL_URL/<lang>/<path>. */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be an http:// or https:// URL' },
  )
  @Matches(/^[^?#]*[^/?#]$/, { message: 'must not end with / nor carry a query or fragment' })
  PORTAL_URL = 'http://127.0.0.1:3001';

  /** Alerts of one sweep wait at most this long for the rest of their sweep before going out. */
  @IsInt()
  @Min(1)
  @Max(3600)
  ALERT_BATCH_WAIT_SECONDS = 60;

  /** How often the phases of followed cycles are checked for an opening to announce. */
  @IsInt()
  @Min(1)
  @Max(3600)
  PHASE_CHECK_SECONDS = 60;

  /** The time zone dates and times are written in, in notifications. */
  @Matches(/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/, { message: 'must be an IANA time zone such as Africa/Casablanca' })
  DISPLAY_TIMEZONE = 'Africa/Casablanca';
}
