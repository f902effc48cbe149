import { EventContract, EventEnvelope } from '@ogp/contracts';
import { requestContext } from '@ogp/runtime';
import { EntityManager } from 'typeorm';
import { EventBatchHandler, EventHandler } from './event.consumer';

/** A handler of one event type: its envelope's data has the type the event's contract declares. */
export type TypedEventHandler<T> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;
/** The batch form of a handler of one event type: several events of that type, in their order. */
export type TypedEventBatchHandler<T> = (events: EventEnvelope<T>[], manager: EntityManager) => Promise<void>;

/**
 * The handlers of one durable consumer, one per event type: `on(CommitmentsEvents.progressReported, handler)`
 * types the handler's payload from the event's contract. A second handler for the same type throws
 * while the handlers are registered (at boot), instead of one of them silently never running.
 * `handle` is the consumer's transport-facing handler: events of a type with no handler are skipped.
 *
 * `onBatch` registers a handler in batch form (set-based statements for many events); the consumer
 * then gets `handleBatch` too. The batch forms of one registry must commute: each writes what no
 * other handler in batch form reads or writes (other columns, other tables), so that a batch made
 * only of such events can be applied type by type. A batch holding any other event is applied in
 * its order, consecutive events of one type with a batch form together.
 */
export class EventHandlerRegistry {
  private readonly handlers = new Map<string, EventHandler>();
  private readonly batchHandlers = new Map<string, EventBatchHandler>();

  constructor(readonly consumer: string) {}

  on<T>(contract: EventContract<T>, handler: TypedEventHandler<T>): this {
    if (this.handlers.has(contract.type))
      throw new Error(`consumer ${this.consumer}: event ${contract.type} has two handlers`);
    // The one place the payload type is asserted: the contract names the type of the event's data.
    this.handlers.set(contract.type, (event, manager) => handler(event as EventEnvelope<T>, manager));
    return this;
  }

  /** A handler in batch form; it also handles a lone event (as a batch of one). */
  onBatch<T>(contract: EventContract<T>, handler: TypedEventBatchHandler<T>): this {
    this.on(contract, (event, manager) => handler([event], manager));
    this.batchHandlers.set(contract.type, (events, manager) => handler(events as EventEnvelope<T>[], manager));
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

  readonly handleBatch: EventBatchHandler = async (events, manager) => {
    if (events.every((e) => this.batchHandlers.has(e.type))) {
      // Batch forms commute: one call per type, types in the order they first appear.
      const byType = new Map<string, EventEnvelope[]>();
      for (const e of events) {
        const group = byType.get(e.type);
        if (group) group.push(e);
        else byType.set(e.type, [e]);
      }
      for (const [type, group] of byType) await this.batchHandlers.get(type)!(group, manager);
      return;
    }
    for (let i = 0; i < events.length;) {
      const batch = this.batchHandlers.get(events[i].type);
      let j = i + 1;
      if (batch) {
        while (j < events.length && events[j].type === events[i].type) j += 1;
        await batch(events.slice(i, j), manager);
      } else {
        const event = events[i];
        // A handler written for one event keeps its request context (the events it writes carry its correlation).
        await requestContext.run({ correlationId: event.correlationId ?? event.id, actorId: event.actorId }, () =>
          this.handle(event, manager),
        );
      }
      i = j;
    }
  };
}
