import { timeOrderedUuid } from './time-ordered-uuid';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID: the given time in milliseconds first, the RFC variant', () => {
    const id = timeOrderedUuid(Date.UTC(2026, 11, 2, 1, 30));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 11, 2, 1, 30));
  });

  it('sorts by time, and ids of the same millisecond differ', () => {
    const earlier = timeOrderedUuid(1_800_000_000_000);
    const later = timeOrderedUuid(1_800_000_000_001);
    expect(later > earlier).toBe(true);
    const same = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(1_800_000_000_000)));
    expect(same.size).toBe(1000);
  });
});
