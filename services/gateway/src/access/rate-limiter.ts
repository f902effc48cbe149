import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode } from '@ogp/contracts';
import { HealthRegistry, SERVICE_CONFIG } from '@ogp/runtime';
import Redis from 'ioredis';
import { GatewayConfig } from '../gateway.config';

/**
 * Fixed-window counters in Redis, shared by every gateway replica. Redis holds no truth: losing
 * the counters only resets the windows.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  readonly redis: Redis;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig, health: HealthRegistry) {
    this.redis = new Redis(config.REDIS_URL, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
      keyPrefix: `${config.NATS_PREFIX || 'ogp'}:rl:`,
    });
    this.redis.on('error', () => undefined);
    // Without Redis the limiter fails open and the gateway still serves: shown in readiness, not unready.
    health.register(
      'redis',
      async () => {
        await this.redis.ping();
      },
      { degradesGracefully: true },
    );
  }

  /** Counts one hit on `bucket` and refuses it past `limit` per `windowSeconds`. */
  async hit(bucket: string, limit: number, windowSeconds: number): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const key = `${bucket}:${window}`;
    let count: number;
    try {
      const result = await this.redis
        .multi()
        .incr(key)
        .expire(key, windowSeconds + 1)
        .exec();
      count = Number(result?.[0]?.[1] ?? 0);
    } catch {
      // Redis down: fail open on counting rather than lock everyone out; lockout in Postgres still holds.
      return;
    }
    if (count > limit) throw new DomainError(ErrorCode.RATE_LIMITED, undefined, { retryAfterSeconds: windowSeconds });
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
