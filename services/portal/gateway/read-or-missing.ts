import { GatewayError } from './gateway-error';

/** A read whose 404 (or a malformed id, 400) means "no such thing": null instead of an error page. */
export async function readOrMissing<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof GatewayError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A filter value from the URL that must be an id: anything else is ignored rather than sent on. */
export function uuidOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** `?page=` as a page number (1 when absent or nonsense), bounded. */
export function pageNumber(value: unknown): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}
