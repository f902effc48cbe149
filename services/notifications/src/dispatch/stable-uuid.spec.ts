import { stableUuid } from './stable-uuid';

describe('stableUuid', () => {
  it('gives the same valid UUID for the same key and another for another key', () => {
    const a = stableUuid('sweep:1:person:1');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('sweep:1:person:1')).toBe(a);
    expect(stableUuid('sweep:1:person:2')).not.toBe(a);
  });
});
