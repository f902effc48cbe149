import { IsBoolean, IsInt, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { BaseServiceConfig, Secret } from '@ogp/runtime';

export class GatewayConfig extends BaseServiceConfig {
  override DB_SCHEMA = 'gateway';
  override HTTP_PORT = 3000;

  @Secret()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET = '';

  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /**
   * How long a session Postgres found open is taken as open while revocations are heard over NATS
   * (a revocation reaches every replica at once; while NATS is away the check is made every 3 s).
   */
  @IsInt()
  @Min(1)
  @Max(60)
  SESSION_RECHECK_SECONDS = 15;

  @Secret()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  BODY_LIMIT_BYTES = 64 * 1024;

  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_LOCK_MINUTES = 15;

  @IsInt()
  @Min(1)
  @Max(100000)
  AUTH_RATE_LIMIT_PER_MINUTE = 30;

  /** Trust X-Forwarded-For (only behind a proxy that sets it; otherwise clients could dodge rate limits). */
  @IsBoolean()
  TRUST_PROXY = false;

  /** Where people open the links of account e-mails (password reset): `${PORTAL_URL}/<lang>/reset-password?token=…`. */
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http:// or https:// URL' },
  )
  PORTAL_URL = 'http://127.0.0.1:3001';

  /** Open live-progress streams per client (IP, or account when signed in) on one gateway replica; 429 beyond. */
  @IsInt()
  @Min(1)
  @Max(100000)
  LIVE_MAX_PER_CLIENT = 8;

  /** Open live-progress streams in all on one gateway replica; 503 beyond. */
  @IsInt()
  @Min(1)
  @Max(1000000)
  LIVE_MAX_CONNECTIONS = 10000;

  /** Seconds between the heartbeat comments that keep idle streams open through proxies. */
  @IsInt()
  @Min(1)
  @Max(300)
  LIVE_HEARTBEAT_SECONDS = 15;

  /** The `retry:` hint: milliseconds a browser waits before reconnecting a dropped stream. */
  @IsInt()
  @Min(500)
  @Max(60000)
  LIVE_RETRY_MS = 3000;
}
