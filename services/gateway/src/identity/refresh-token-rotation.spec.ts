import { RefreshTokenRotation, RefreshTokenState } from './refresh-token-rotation';
import { sha256 } from './sha256';

const NOW = new Date('2026-03-01T10:00:00Z');
const SECRET = 'c2VjcmV0LW9mLXRoaXMtdG9rZW4';
const fresh = (changes: Partial<RefreshTokenState> = {}): RefreshTokenState => ({
  token_hash: sha256(SECRET),
  expires_at: new Date('2026-03-08T10:00:00Z'),
  used_at: null,
  revoked_at: null,
  ...changes,
});

describe('refresh token rotation', () => {
  it('reads `<uuid>.<secret>` and nothing else', () => {
    const id = '6f1c1e84-3a5b-4d0e-9a57-0b9f5b1f2c3d';
    expect(RefreshTokenRotation.parse(`${id}.${SECRET}`)).toEqual({ id, secret: SECRET });
    for (const token of ['', id, `${id}.`, `.${SECRET}`, `not-a-uuid.${SECRET}`, `${id.toUpperCase()}.${SECRET}`])
      expect(RefreshTokenRotation.parse(token)).toBeNull();
  });

  it('a token used once, unexpired, in an open session with the right secret rotates', () => {
    expect(RefreshTokenRotation.verdict(fresh(), sha256(SECRET), NOW)).toBe('valid');
  });

  it('a used token is a replay: the session ends (reused), whatever its expiry', () => {
    expect(RefreshTokenRotation.verdict(fresh({ used_at: NOW }), sha256(SECRET), NOW)).toBe('reused');
    const expired = fresh({ used_at: NOW, expires_at: new Date('2026-03-01T09:00:00Z') });
    expect(RefreshTokenRotation.verdict(expired, sha256(SECRET), NOW)).toBe('reused');
  });

  it('an unknown token, a wrong secret, a revoked session or an expired token is refused', () => {
    expect(RefreshTokenRotation.verdict(undefined, sha256(SECRET), NOW)).toBe('invalid');
    expect(RefreshTokenRotation.verdict(fresh(), sha256('another secret'), NOW)).toBe('invalid');
    expect(RefreshTokenRotation.verdict(fresh(), 'abcd', NOW)).toBe('invalid');
    expect(RefreshTokenRotation.verdict(fresh({ revoked_at: NOW, used_at: NOW }), sha256(SECRET), NOW)).toBe('invalid');
    expect(RefreshTokenRotation.verdict(fresh({ expires_at: NOW }), sha256(SECRET), NOW)).toBe('invalid');
  });
});
