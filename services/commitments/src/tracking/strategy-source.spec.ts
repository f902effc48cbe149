import { DomainError, ErrorCode } from '@ogp/contracts';
import { StrategyRegistry } from '@ogp/tracking';
import { assertKnownStrategy, resolveStrategy } from './strategy-source';

describe('resolveStrategy', () => {
  const none = { tracking_strategy: null, institution_strategy: null, programme_strategy: null };

  it('the commitment’s own choice wins over its institution’s and its programme’s', () => {
    expect(
      resolveStrategy({ tracking_strategy: 'manual', institution_strategy: 'equal', programme_strategy: 'x' }),
    ).toEqual({ key: 'manual', source: 'commitment' });
  });

  it('then the institution’s, then the programme’s', () => {
    expect(resolveStrategy({ ...none, institution_strategy: 'equal', programme_strategy: 'x' }).source).toBe(
      'institution',
    );
    expect(resolveStrategy({ ...none, programme_strategy: 'x' })).toEqual({ key: 'x', source: 'programme' });
  });

  it('with no choice anywhere, the default strategy', () => {
    const resolved = resolveStrategy(none);
    expect(resolved.source).toBe('default');
    expect(typeof resolved.key).toBe('string');
  });
});

describe('assertKnownStrategy', () => {
  const registry = new StrategyRegistry();

  it('accepts no choice and a known key', () => {
    expect(() => assertKnownStrategy(registry, null)).not.toThrow();
    expect(() => assertKnownStrategy(registry, registry.keys()[0])).not.toThrow();
  });

  it('refuses an unknown key as a validation failure on trackingStrategy', () => {
    try {
      assertKnownStrategy(registry, 'no-such-strategy');
      fail('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });
});
