import { EventContract, EventEnvelope } from '@ogp/contracts';
import { EntityManager } from 'typeorm';
import { EventHandler } from './event.consumer';

/** A handler of one event type: its envelope's data has the type the event's contract declares. */
export type TypedEventHandler<T> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;

/**
 * The handlers of one durable consumer, one per event type: `on(CommitmentsEvents.progressReported, handler)`
 * types the handler's payload from the event's contract. A second handler for the same type throws
 * while the handlers are registered (at boot), instead of one of them silently never running.
 * `handle` is the consumer's transport-facing handler: events of a type with no handler are skipped.
 */
export class EventHandlerRegistry {
  private readonly handlers = new Map<string, EventHandler>();

  constructor(readonly consumer: string) {}

  on<T>(contract: EventContract<T>, handler: TypedEventHandler<T>): this {
    if (this.handlers.has(contract.type))
      throw new Error(`consumer ${this.consumer}: event ${contract.type} has two handlers`);
    // The one place the payload type is asserted: the contract names the type of the event's data.
    this.handlers.set(contract.type, (event, manager) => handler(event as EventEnvelope<T>, manager));
    return this;
  }

  handles(type: string): boolean {
    return this.handlers.has(type);
  }

  get types(): string[] {
    return [...this.handlers.keys()];
  }

  readonly handle: EventHandler = (event, manager) => {
    const handler = this.handlers.get(event.type);
    return handler ? handler(event, manager) : Promise.resolve();
  };
}
