import { DomainError, ErrorCode } from '@ogp/contracts';

/**
 * The Postgres failures a request can cause (SQLSTATE), as the domain error the caller should
 * get; undefined for anything else. The one place every service's unique keys become 409.
 */
export function domainErrorFromDatabase(err: unknown): DomainError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  // unique_violation: the sequential case is checked first; two concurrent creations still race to here.
  if (code === '23505') return new DomainError(ErrorCode.ALREADY_EXISTS, 'already exists');
  if (code === '23503') {
    const removing = /^update or delete/.test((err as { message?: string }).message ?? '');
    return removing ? new DomainError(ErrorCode.CONFLICT, 'still referenced') : new DomainError(ErrorCode.NOT_FOUND, 'a referenced item does not exist');
  }
  // serialization_failure, deadlock_detected: a concurrent request won; the caller may try again.
  if (code === '40001' || code === '40P01') return new DomainError(ErrorCode.CONFLICT, 'a concurrent change won');
  // data_exception (22xxx: bad byte sequence, too long, bad date...), not_null and check violations.
  if (code.startsWith('22') || code === '23502' || code === '23514') return new DomainError(ErrorCode.VALIDATION_FAILED, 'a value cannot be stored');
  return undefined;
}
