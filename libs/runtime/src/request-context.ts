import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextStore {
  correlationId: string;
  actorId?: string;
  /** The Idempotency-Key of the HTTP write being served: RPC commands carry it to the owning service. */
  idempotencyKey?: string;
  /**
   * The services this request sent commands or queries to (the first part of each RPC subject),
   * so that a gateway cache drops its answers after a write only when the write reached their owner.
   */
  services?: Set<string>;
}

/** Carries the correlation id (and who acts) through every await of one request or event. */
export const requestContext = new AsyncLocalStorage<RequestContextStore>();

export function currentCorrelationId(): string | undefined {
  return requestContext.getStore()?.correlationId;
}

/** Reads only the id out of an actor header, for log lines; never throws. */
export function parseActorId(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  try {
    const id = (JSON.parse(raw) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
