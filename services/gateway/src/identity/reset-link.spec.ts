import { resetLinkUsable } from './reset-link';

const NOW = new Date('2026-03-01T10:00:00Z');
const link = { expires_at: new Date('2026-03-01T10:30:00Z'), used_at: null, invalidated_at: null };

describe('password reset link', () => {
  it('works once, before it expires, while nothing invalidated it', () => {
    expect(resetLinkUsable(link, NOW)).toBe(true);
    expect(resetLinkUsable(undefined, NOW)).toBe(false);
    expect(resetLinkUsable({ ...link, used_at: NOW }, NOW)).toBe(false);
    expect(resetLinkUsable({ ...link, invalidated_at: NOW }, NOW)).toBe(false);
    expect(resetLinkUsable({ ...link, expires_at: NOW }, NOW)).toBe(false);
    expect(resetLinkUsable(link, new Date('2026-03-01T10:29:59Z'))).toBe(true);
  });
});
