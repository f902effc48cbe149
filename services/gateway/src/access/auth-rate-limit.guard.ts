import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@ogp/runtime';
import type { FastifyRequest } from 'fastify';
import { GatewayConfig } from '../gateway.config';
import { RateLimiter } from './rate-limiter';

/** Limits the auth routes per client address, before any password is checked. */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const route = request.routeOptions?.url ?? request.url;
    await this.limiter.hit(`auth:${route}:${request.ip}`, this.config.AUTH_RATE_LIMIT_PER_MINUTE, 60);
    return true;
  }
}
