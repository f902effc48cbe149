import { AsyncResource } from 'node:async_hooks';

const patched = Symbol.for('ogp.asyncResourceBind');

/**
 * Node 20's `AsyncResource#bind` gives every bound function a deprecated `asyncResource` accessor
 * (DEP0172), building two `util.deprecate` wrappers per call. Fastify binds each request's body
 * parsing and Nest each interceptor call: in a CPU profile of the gateway taking idea submissions,
 * `deprecate` and `bind` were 5.3% of its time. This binds the same way (the function runs in the
 * resource's async context, with the same `this` and `length`) without the deprecated accessor,
 * which no package here reads. Only a `bind` that still defines it is replaced; idempotent.
 */
export function installLeanAsyncResourceBind(): boolean {
  const proto = AsyncResource.prototype as AsyncResource & { [patched]?: true };
  if (proto[patched] || !/DEP0172/.test(Function.prototype.toString.call(proto.bind))) return false;
  Object.defineProperty(proto, 'bind', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function bind(this: AsyncResource, fn: (...args: unknown[]) => unknown, thisArg?: unknown) {
      if (typeof fn !== 'function')
        throw Object.assign(new TypeError(`The "fn" argument must be of type function. Received ${typeof fn}`), {
          code: 'ERR_INVALID_ARG_TYPE',
        });
      const run = this.runInAsyncScope.bind(this);
      const bound =
        thisArg === undefined
          ? function (this: unknown, ...args: unknown[]) {
              return run(fn, this, ...args);
            }
          : this.runInAsyncScope.bind(this, fn, thisArg);
      Object.defineProperty(bound, 'length', {
        configurable: true,
        enumerable: false,
        value: fn.length,
        writable: false,
      });
      return bound;
    },
  });
  Object.defineProperty(proto, patched, { value: true });
  return true;
}
