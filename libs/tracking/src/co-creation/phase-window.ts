import { DomainError, ErrorCode } from '@ogp/contracts';

/** Where an instant falls against a dated window [opensAt, closesAt). */
export type WindowState = 'not_open' | 'open' | 'closed';

/** A phase (or a workshop's registration) accepts input from its opening instant until, not including, its closing one. */
export function windowState(now: Date, opensAt: Date, closesAt: Date): WindowState {
  if (now < opensAt) return 'not_open';
  if (now >= closesAt) return 'closed';
  return 'open';
}

/** Refuses input outside [opensAt, closesAt): 409 saying when it opens, or when it closed. */
export function assertWindow(now: Date, opensAt: Date, closesAt: Date): void {
  const state = windowState(now, opensAt, closesAt);
  if (state === 'open') return;
  const details = { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
  if (state === 'not_open')
    throw new DomainError(ErrorCode.WINDOW_NOT_OPEN, `opens at ${opensAt.toISOString()}`, details);
  throw new DomainError(ErrorCode.WINDOW_CLOSED, `closed at ${closesAt.toISOString()}`, details);
}

/**
 * The verdict on a cycle's phase as read from the database: null when the cycle has none of that
 * kind (404 when the cycle itself does not exist, 409 "never opened" otherwise), else its window.
 */
export function assertPhaseOpen(
  now: Date,
  kind: string,
  phase: { opensAt: Date; closesAt: Date } | null,
  cycleExists: boolean,
): void {
  if (!phase) {
    if (!cycleExists) throw new DomainError(ErrorCode.NOT_FOUND, 'no such cycle');
    throw new DomainError(ErrorCode.WINDOW_CLOSED, `this cycle has no ${kind} phase`, { closesAt: 'never opened' });
  }
  assertWindow(now, phase.opensAt, phase.closesAt);
}
