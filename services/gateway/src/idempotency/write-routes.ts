import { RequestMethod, Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IdempotencyInterceptor } from './idempotency.interceptor';

const WRITE_METHODS = new Set<RequestMethod>([
  RequestMethod.POST,
  RequestMethod.PUT,
  RequestMethod.PATCH,
  RequestMethod.DELETE,
  RequestMethod.ALL,
]);

/** The handlers of a controller that answer a write (POST, PUT, PATCH, DELETE or any method). */
export function writeHandlers(controller: Type<unknown>): ((...args: unknown[]) => unknown)[] {
  const handlers = new Set<(...args: unknown[]) => unknown>();
  for (
    let proto = controller.prototype as object | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  )
    for (const name of Object.getOwnPropertyNames(proto)) {
      const fn = name === 'constructor' ? undefined : (Object.getOwnPropertyDescriptor(proto, name)?.value as unknown);
      if (
        typeof fn === 'function' &&
        Reflect.hasMetadata(PATH_METADATA, fn) &&
        WRITE_METHODS.has(Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod)
      )
        handlers.add(fn as (...args: unknown[]) => unknown);
    }
  return [...handlers];
}

/**
 * Puts the IdempotencyInterceptor on every write handler of these controllers, and only there:
 * it does nothing on reads, and as a global interceptor it cost every read Nest's interceptor
 * chain (two `AsyncResource.bind` and an rxjs pipeline per request, about a tenth of the
 * gateway's CPU on an authenticated card read). Idempotent: a handler is tagged once.
 */
export function interceptWrites(controllers: Type<unknown>[]): Type<unknown>[] {
  for (const controller of controllers)
    for (const handler of writeHandlers(controller)) {
      const current = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[] | undefined) ?? [];
      if (!current.includes(IdempotencyInterceptor))
        Reflect.defineMetadata(INTERCEPTORS_METADATA, [IdempotencyInterceptor, ...current], handler);
    }
  return controllers;
}
