import { IsIn, IsInt, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Secret } from './config';

/** Variables every service reads. Each service extends it with its own. */
export class BaseServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Secret()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

  /**
   * A direct connection for migrations, when DATABASE_URL goes through a transaction pooler
   * (PgBouncer): migrations hold a session-level advisory lock, which a pooler cannot keep.
   * Empty: migrations use DATABASE_URL.
   */
  @Secret()
  @Matches(/^(postgres(ql)?:\/\/.+)?$/, { message: 'must be empty or a postgres:// connection URL' })
  DATABASE_MIGRATION_URL = '';

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case SQL identifier' })
  DB_SCHEMA = '';

  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 10;

  @Matches(/^nats:\/\/[^\s,]+(,nats:\/\/[^\s,]+)*$/, {
    message: 'must be one or more nats:// URLs separated by commas',
  })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Isolates subjects and streams (tests give each suite its own). */
  @Matches(/^([a-z0-9_-]{1,32})?$/, { message: 'must be empty or up to 32 of [a-z0-9_-]' })
  NATS_PREFIX = '';

  @IsInt()
  @Min(50)
  @Max(120000)
  NATS_REQUEST_TIMEOUT_MS = 5000;

  /** Copies of each JetStream stream: 1 on a single server, 3 on a three-node cluster. */
  @IsIn([1, 3, 5])
  JETSTREAM_REPLICAS = 1;

  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 0;

  @IsString()
  HTTP_HOST = '127.0.0.1';

  /**
   * OTLP/HTTP collector base URL (e.g. http://otel-collector:4318): traces are exported as JSON to
   * `<url>/v1/traces`. Empty: tracing is off (no exporter, no spans recorded).
   */
  @ValidateIf((config: BaseServiceConfig) => config.OTEL_EXPORTER_OTLP_ENDPOINT !== '')
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be empty or an http:// or https:// URL' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT = '';

  /**
   * Port of an internal listener serving Prometheus metrics (GET /metrics) alone, on HTTP_HOST;
   * 0 = none. Deployments use 9464 (the container port named `metrics`, reachable by Prometheus
   * only). The gateway, whose HTTP_PORT is public, serves /metrics nowhere else.
   */
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT = 0;
}
