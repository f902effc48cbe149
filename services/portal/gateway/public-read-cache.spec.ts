import { CachedAnswer, PublicReadCache } from './public-read-cache';

const answer = (n: number): CachedAnswer => ({
  status: 200,
  headers: [],
  body: new TextEncoder().encode(String(n)).buffer as ArrayBuffer,
});

describe('PublicReadCache', () => {
  it('shares one load between concurrent readers and within the TTL, then loads again', async () => {
    let now = 0;
    const cache = new PublicReadCache(1000, 100, () => now);
    let loads = 0;
    const load = async () => answer(++loads);
    await Promise.all([cache.read('k', load), cache.read('k', load), cache.read('k', load)]);
    expect(loads).toBe(1);
    now = 999;
    await cache.read('k', load);
    expect(loads).toBe(1);
    now = 1000;
    await cache.read('k', load);
    expect(loads).toBe(2);
  });

  it('does not keep a failed load', async () => {
    const cache = new PublicReadCache(1000, 100, () => 0);
    await expect(cache.read('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(cache.read('k', async () => answer(1))).resolves.toMatchObject({ status: 200 });
  });

  it('stays bounded', async () => {
    let now = 0;
    const cache = new PublicReadCache(10, 5, () => now);
    for (let i = 0; i < 50; i++) {
      now = i;
      await cache.read(`k${i}`, async () => answer(i));
    }
    expect((cache as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(6);
  });
});
