import { DomainError } from '@ogp/contracts';
import { assertPhaseOpen, assertWindow, windowState } from './phase-window';

const opens = new Date('2026-03-01T00:00:00Z');
const closes = new Date('2026-04-01T00:00:00Z');
const at = (iso: string) => new Date(iso);
const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    const err = e as DomainError;
    return { code: err.code, message: err.message, details: err.details };
  }
  return null;
};

describe('phase windows [opensAt, closesAt)', () => {
  it('is open from its opening instant until, not including, its closing one', () => {
    expect(windowState(at('2026-02-28T23:59:59.999Z'), opens, closes)).toBe('not_open');
    expect(windowState(opens, opens, closes)).toBe('open');
    expect(windowState(at('2026-03-31T23:59:59.999Z'), opens, closes)).toBe('open');
    expect(windowState(closes, opens, closes)).toBe('closed');
  });

  it('refuses before the opening with WINDOW_NOT_OPEN and both dates', () => {
    expect(refusal(() => assertWindow(at('2026-02-01T00:00:00Z'), opens, closes))).toEqual({
      code: 'WINDOW_NOT_OPEN',
      message: 'opens at 2026-03-01T00:00:00.000Z',
      details: { opensAt: opens.toISOString(), closesAt: closes.toISOString() },
    });
  });

  it('refuses from the closing instant with WINDOW_CLOSED and both dates', () => {
    expect(refusal(() => assertWindow(closes, opens, closes))).toEqual({
      code: 'WINDOW_CLOSED',
      message: 'closed at 2026-04-01T00:00:00.000Z',
      details: { opensAt: opens.toISOString(), closesAt: closes.toISOString() },
    });
  });

  it('admits inside the window', () => {
    expect(refusal(() => assertWindow(at('2026-03-15T12:00:00Z'), opens, closes))).toBeNull();
  });

  it('a cycle without the phase: 404 when the cycle does not exist, else closed "never opened"', () => {
    const now = at('2026-03-15T12:00:00Z');
    expect(refusal(() => assertPhaseOpen(now, 'ideas', null, false))?.code).toBe('NOT_FOUND');
    expect(refusal(() => assertPhaseOpen(now, 'ideas', null, true))).toEqual({
      code: 'WINDOW_CLOSED',
      message: 'this cycle has no ideas phase',
      details: { closesAt: 'never opened' },
    });
    expect(refusal(() => assertPhaseOpen(now, 'ideas', { opensAt: opens, closesAt: closes }, true))).toBeNull();
  });
});
