import { DomainError, ErrorCode } from '@ogp/contracts';

/**
 * The Postgres failures a request can cause (SQLSTATE), as the domain error the caller should
 * get; undefined for anything else. The one place every service's unique keys become 409.
 */
export function domainErrorFromDatabase(err: unknown): DomainError | undefined {
  // Postgres away is the platform's problem, not the request's: 503, and the client may retry.
  if (isDatabaseUnavailable(err)) return new DomainError(ErrorCode.UPSTREAM_UNAVAILABLE, 'database unavailable');
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  // unique_violation: the sequential case is checked first; two concurrent creations still race to here.
  if (code === '23505') return new DomainError(ErrorCode.ALREADY_EXISTS, 'already exists');
  if (code === '23503') {
    const removing = /^update or delete/.test((err as { message?: string }).message ?? '');
    return removing
      ? new DomainError(ErrorCode.CONFLICT, 'still referenced')
      : new DomainError(ErrorCode.NOT_FOUND, 'a referenced item does not exist');
  }
  // serialization_failure, deadlock_detected: a concurrent request won; the caller may try again.
  if (code === '40001' || code === '40P01') return new DomainError(ErrorCode.CONFLICT, 'a concurrent change won');
  // data_exception (22xxx: bad byte sequence, too long, bad date...), not_null and check violations.
  if (code.startsWith('22') || code === '23502' || code === '23514')
    return new DomainError(ErrorCode.VALIDATION_FAILED, 'a value cannot be stored');
  return undefined;
}

/** Socket failures of a client that cannot reach (or lost) its server. */
const UNREACHABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg's own messages when a connection is lost or cannot be had (they carry no code). */
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|the database system is (starting up|shutting down|in recovery)/i;

/**
 * True when the error says Postgres cannot be reached right now: a socket error, SQLSTATE class 08
 * (connection exception), 57P01-57P03 (shutdown, crash, cannot connect now), 53xxx (out of
 * resources, too many connections), or pg's messages for a lost connection. TypeORM keeps the
 * driver's error in `driverError`.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | null, depth = 0;
    e && typeof e === 'object' && depth < 4;
    depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (
      UNREACHABLE_SOCKET_CODES.has(code) ||
      code.startsWith('08') ||
      code.startsWith('53') ||
      ['57P01', '57P02', '57P03'].includes(code)
    )
      return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.test(e.message)) return true;
    if ((e as { name?: unknown }).name === 'MaxRetriesPerRequestError') return true;
    e = (e.driverError ?? e.cause ?? null) as typeof e;
  }
  return false;
}
