import { DEAD_LETTER_SUBJECT_ROOT, EVENTS_SUBJECT_ROOT, eventSubject } from '@ogp/contracts';

/** A prefix isolates a whole deployment (or a test suite) on a shared NATS server. */
export function withPrefix(prefix: string, subject: string): string {
  return prefix ? `${prefix}.${subject}` : subject;
}

export function prefixedEventSubject(prefix: string, type: string): string {
  return withPrefix(prefix, eventSubject(type));
}

export function eventsStreamName(prefix: string): string {
  return `${prefix ? prefix.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase() + '_' : ''}EVENTS`;
}

export { deadLetterStreamName } from '@ogp/contracts';

export function eventsWildcard(prefix: string): string {
  return withPrefix(prefix, `${EVENTS_SUBJECT_ROOT}.>`);
}

export function deadLetterWildcard(prefix: string): string {
  return withPrefix(prefix, `${DEAD_LETTER_SUBJECT_ROOT}.>`);
}

export function deadLetterSubject(prefix: string, consumer: string, type: string): string {
  return withPrefix(prefix, `${DEAD_LETTER_SUBJECT_ROOT}.${consumer}.${type}`);
}
