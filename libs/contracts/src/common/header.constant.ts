/** Headers that travel with every NATS request and JetStream event. */
export const Header = {
  CORRELATION_ID: 'x-correlation-id',
  ACTOR: 'x-actor',
  IDEMPOTENCY_KEY: 'idempotency-key',
  LANGUAGE: 'accept-language',
  EVENT_TYPE: 'x-event-type',
  DEAD_LETTER_REASON: 'x-dead-letter-reason',
  DEAD_LETTER_CONSUMER: 'x-dead-letter-consumer',
} as const;
