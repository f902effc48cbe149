import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { MessagingTables1732100000000, serviceFoundation } from '@ogp/messaging';
import { Clock, SystemClock } from '@ogp/runtime';
import type { Logger } from 'pino';
import { AccessGuard } from './access/access.guard';
import { AuthRateLimitGuard } from './access/auth-rate-limit.guard';
import { RateLimiter } from './access/rate-limiter';
import { RouteCatalog } from './access/route-catalog';
import { FORWARDING_CONTROLLERS } from './forwarding/forwarding-controllers';
import { CalendarFeedsController } from './calendar-feeds/calendar-feeds.controller';
import { CalendarFeedsRepository } from './calendar-feeds/calendar-feeds.repository';
import { CalendarFeedsService } from './calendar-feeds/calendar-feeds.service';
import { GatewayCalendarFeeds1764590000100 } from './calendar-feeds/calendar-feeds.migration';
import { GatewayConfig } from './gateway.config';
import { GatewayIdempotency1732100000120 } from './idempotency/idempotency.migration';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { interceptWrites } from './idempotency/write-routes';
import { IdempotentAnswersRepository } from './idempotency/idempotent-answers.repository';
import { HttpErrorFilter } from './http/http-error.filter';
import { createValidationPipe } from './http/validation.pipe';
import { AccountsController } from './identity/accounts.controller';
import { AuthController } from './identity/auth.controller';
import { AuditTrailController } from './identity/audit-trail.controller';
import { AuditTrailRepository } from './identity/audit-trail.repository';
import { IdentityAuditAndReset1732100000110 } from './identity/audit-and-reset.migration';
import { AuthService } from './identity/auth.service';
import { Identity1732100000100 } from './identity/identity.migration';
import { JwtStrategy } from './identity/jwt.strategy';
import { LiveSessions } from './identity/live-sessions';
import { LocalStrategy } from './identity/local.strategy';
import { tokenKey } from './identity/token-key';
import { MeController } from './identity/me.controller';
import { PasswordsService } from './identity/passwords.service';
import { UserEntity } from './identity/user.entity';
import { UsersService } from './identity/users.service';
import { UsersRepository } from './identity/users.repository';
import { SessionsRepository } from './identity/sessions.repository';
import { PasswordResetTokensRepository } from './identity/password-reset-tokens.repository';
import { PublicCache } from './public-cache/public-cache';
import { LiveModule } from './live/live.module';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, logger: Logger, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        // No /metrics on the public listener: only on the internal METRICS_PORT.
        ...serviceFoundation({
          service: 'gateway',
          config,
          logger,
          migrations: [
            MessagingTables1732100000000,
            Identity1732100000100,
            IdentityAuditAndReset1732100000110,
            GatewayIdempotency1732100000120,
            GatewayCalendarFeeds1764590000100,
          ],
          entities: [UserEntity],
          metricsRoute: false,
        }),
        PassportModule,
        JwtModule.register({
          // The key object (tokenKey), asked for on first use: the OpenAPI generator lists this module
          // without a configuration.
          secretOrKeyProvider: () => tokenKey(config),
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        DiscoveryModule,
        LiveModule,
      ],
      // The IdempotencyInterceptor on each write handler (not global: reads skip Nest's interceptor chain).
      controllers: interceptWrites([
        AuthController,
        MeController,
        AccountsController,
        AuditTrailController,
        ...FORWARDING_CONTROLLERS,
        CalendarFeedsController,
      ]),
      providers: [
        AuthService,
        UsersService,
        UsersRepository,
        SessionsRepository,
        PasswordResetTokensRepository,
        CalendarFeedsRepository,
        CalendarFeedsService,
        PasswordsService,
        AuditTrailRepository,
        { provide: Clock, useValue: clock },
        LocalStrategy,
        JwtStrategy,
        LiveSessions,
        RateLimiter,
        AuthRateLimitGuard,
        RouteCatalog,
        { provide: APP_GUARD, useClass: AccessGuard },
        IdempotentAnswersRepository,
        PublicCache,
        IdempotencyInterceptor,
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
