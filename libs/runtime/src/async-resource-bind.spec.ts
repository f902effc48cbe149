import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installLeanAsyncResourceBind } from './async-resource-bind';

describe('installLeanAsyncResourceBind', () => {
  const original = Object.getOwnPropertyDescriptor(AsyncResource.prototype, 'bind')!;
  const deprecated = /DEP0172/.test(Function.prototype.toString.call(original.value));
  beforeAll(() => installLeanAsyncResourceBind());

  it('replaces a bind that defines the deprecated accessor, once', () => {
    if (deprecated) expect(AsyncResource.prototype.bind).not.toBe(original.value);
    expect(installLeanAsyncResourceBind()).toBe(false);
    if (deprecated) expect(Function.prototype.toString.call(AsyncResource.prototype.bind)).not.toMatch(/DEP0172/);
  });

  it('a bound function runs in the async context it was bound in, wherever it is called from', async () => {
    const als = new AsyncLocalStorage<string>();
    const bound = als.run('at bind time', () => AsyncResource.bind(() => als.getStore()));
    expect(await als.run('at call time', async () => bound())).toBe('at bind time');
    const resource = als.run('resource', () => new AsyncResource('test'));
    expect(als.run('elsewhere', () => resource.bind(() => als.getStore())())).toBe('resource');
  });

  it("keeps the call's this (or the one given), the arguments and the length, and has no asyncResource property", () => {
    function f(this: unknown, a: number, b: number) {
      return { self: this, sum: a + b };
    }
    const unbound = AsyncResource.bind(f);
    const target = { unbound };
    expect(target.unbound(1, 2)).toEqual({ self: target, sum: 3 });
    const given = { given: true };
    expect(AsyncResource.bind(f, 'named', given)(2, 3)).toEqual({ self: given, sum: 5 });
    expect(unbound.length).toBe(2);
    expect('asyncResource' in unbound).toBe(false);
  });

  it('refuses what is not a function, as Node does', () => {
    expect(() => new AsyncResource('test').bind(42 as unknown as () => void)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }),
    );
  });
});
