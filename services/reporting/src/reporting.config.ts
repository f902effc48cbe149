import { IsBoolean, IsInt, IsString, IsUrl, Matches, Min } from 'class-validator';
import { BaseServiceConfig, Secret } from '@ogp/runtime';

export class ReportingConfig extends BaseServiceConfig {
  override DB_SCHEMA = 'reporting';
  override HTTP_PORT = 3104;

  @Secret()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Schedules fire in this timezone (the ministries' working day). */
  @IsString()
  @Matches(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, { message: 'must be an IANA timezone such as Africa/Casablanca' })
  SCHEDULE_TIMEZONE = 'Africa/Casablanca';

  /** How often the schedules are checked and put back if Redis lost them (a wipe keeps the connection). */
  @IsInt()
  @Min(100)
  SCHEDULE_CHECK_INTERVAL_MS = 60000;

  /**
   * How often reports still queued or running are compared with their BullMQ jobs: one whose job
   * Redis lost is queued again (or failed with its reason), so none stays "queued" for ever.
   */
  @IsInt()
  @Min(100)
  REPORT_RECONCILE_INTERVAL_MS = 15000;

  /** A report generation running longer than this is stopped and counted as a failed attempt (retried, then failed). */
  @IsInt()
  @Min(1)
  REPORT_MAX_SECONDS = 900;

  /** Run the job worker in this process (a replica may only serve requests). */
  @IsBoolean()
  RUN_WORKER = true;

  /** The headless Chromium that lays out and prints the PDF reports (Debian's package in the image). */
  @IsString()
  @Matches(/^\//, { message: 'must be an absolute path to a Chromium executable' })
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** Where the feeds' links lead: PORTAL_URL/<lang>/<path> (calendars, open data, the Atom feed). */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be an http:// or https:// URL' },
  )
  PORTAL_URL = 'http://127.0.0.1:3001';
}
