/** Every domain event on JetStream is wrapped in this envelope. */
export interface EventEnvelope<T = unknown> {
  /** Outbox row id; also the Nats-Msg-Id, so JetStream drops a republished copy. */
  id: string;
  type: string;
  occurredAt: string;
  source: string;
  correlationId?: string;
  actorId?: string;
  aggregate: { type: string; id: string };
  data: T;
}
