import { VerifiedClaims, VerifiedTokens } from './verified-tokens';

const claims = (exp: number): VerifiedClaims => ({
  sub: 'u1',
  sid: 's1',
  roles: ['citizen'],
  scopes: { institutions: [], programmes: [] },
  lang: 'ar',
  exp,
});

describe('verified tokens', () => {
  it('gives the claims of a token until the second its expiry names, then forgets it', () => {
    let now = 1_000_000_000_000; // ms
    const tokens = new VerifiedTokens(() => now);
    tokens.remember('a.b.c', claims(now / 1000 + 2));
    expect(tokens.get('a.b.c')?.sub).toBe('u1');
    now += 1999;
    expect(tokens.get('a.b.c')?.sub).toBe('u1');
    now += 1;
    expect(tokens.get('a.b.c')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('knows a token only by its whole string', () => {
    const tokens = new VerifiedTokens(() => 0);
    tokens.remember('a.b.c', claims(60));
    expect(tokens.get('a.b.c ')).toBeUndefined();
    expect(tokens.get('a.b.C')).toBeUndefined();
    expect(tokens.get('a.b')).toBeUndefined();
  });

  it('never remembers a token without an expiry', () => {
    const tokens = new VerifiedTokens(() => 0);
    tokens.remember('a.b.c', { ...claims(60), exp: undefined as unknown as number });
    expect(tokens.get('a.b.c')).toBeUndefined();
  });

  it('holds at most 10,000 tokens', () => {
    const tokens = new VerifiedTokens(() => 0);
    for (let i = 0; i < 10_001; i++) tokens.remember(`t${i}`, claims(60));
    expect(tokens.size).toBeLessThanOrEqual(10_000);
    expect(tokens.get('t10000')?.sub).toBe('u1');
  });
});
