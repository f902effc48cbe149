/** A request/response subject on core NATS, typed by its payload and its answer. */
export interface RpcContract<Req, Res> {
  readonly subject: string;
  /** Phantom fields: they carry the types, never a value. */
  readonly request?: Req;
  readonly response?: Res;
}

export function rpc<Req, Res>(subject: string): RpcContract<Req, Res> {
  return { subject };
}

/** A domain event type on JetStream (subject `events.<type>`), typed by its data. */
export interface EventContract<T> {
  readonly type: string;
  readonly data?: T;
}

export function event<T>(type: string): EventContract<T> {
  return { type };
}

export const EVENTS_SUBJECT_ROOT = 'events';
export const DEAD_LETTER_SUBJECT_ROOT = 'deadletter';

/** The subject an event type is published on. */
export function eventSubject(type: string): string {
  return `${EVENTS_SUBJECT_ROOT}.${type}`;
}

/** The stream holding events no consumer could handle (same naming as libs/messaging). */
export function deadLetterStreamName(prefix: string): string {
  return `${prefix ? prefix.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase() + '_' : ''}${DEAD_LETTER_SUBJECT_ROOT.toUpperCase()}`;
}
