import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { GatewayConfig } from '../gateway.config';
import { GatewayModule } from '../gateway.module';
import { moduleControllers } from '../openapi/module-controllers';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { writeHandlers } from './write-routes';

describe('idempotency on write routes', () => {
  const module = GatewayModule.register({ JWT_SECRET: 'x'.repeat(48) } as GatewayConfig, {} as never);
  const controllers = moduleControllers(module);

  it('puts the IdempotencyInterceptor on every write handler of the gateway, once', () => {
    const writes = controllers.flatMap((c) => writeHandlers(c));
    expect(writes.length).toBeGreaterThan(30);
    for (const handler of writes) {
      const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[]) ?? [];
      expect({
        handler: handler.name,
        idempotent: interceptors.filter((i) => i === IdempotencyInterceptor).length,
      }).toEqual({
        handler: handler.name,
        idempotent: 1,
      });
    }
  });

  it('leaves reads without interceptors', () => {
    const reads = controllers.flatMap((c) =>
      Object.getOwnPropertyNames(c.prototype)
        .map((name) => (c.prototype as Record<string, unknown>)[name])
        .filter(
          (fn): fn is object =>
            typeof fn === 'function' &&
            Reflect.hasMetadata(PATH_METADATA, fn) &&
            Reflect.getMetadata(METHOD_METADATA, fn) === RequestMethod.GET,
        ),
    );
    expect(reads.length).toBeGreaterThan(30);
    for (const handler of reads) expect(Reflect.getMetadata(INTERCEPTORS_METADATA, handler)).toBeUndefined();
  });
});
