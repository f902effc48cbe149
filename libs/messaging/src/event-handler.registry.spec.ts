import { event, EventEnvelope } from '@ogp/contracts';
import { EntityManager } from 'typeorm';
import { EventHandlerRegistry } from './event-handler.registry';

const Reported = event<{ commitmentId: string; progress: number }>('test.progress.reported');
const Removed = event<{ activityId: string }>('test.activity.removed');
const manager = {} as EntityManager;

function envelope<T>(type: string, data: T): EventEnvelope<T> {
  return {
    id: 'e1',
    type,
    occurredAt: '2026-01-01T00:00:00Z',
    source: 'test',
    aggregate: { type: 't', id: '1' },
    data,
  };
}

describe('EventHandlerRegistry', () => {
  it('runs the handler registered for the event type, with its typed payload and the manager', async () => {
    const seen: number[] = [];
    let given: EntityManager | null = null;
    const registry = new EventHandlerRegistry('test').on(Reported, async (e, m) => {
      seen.push(e.data.progress);
      given = m;
    });
    await registry.handle(envelope(Reported.type, { commitmentId: 'c', progress: 40 }), manager);
    expect(seen).toEqual([40]);
    expect(given).toBe(manager);
  });

  it('skips an event type it has no handler for', async () => {
    const registry = new EventHandlerRegistry('test').on(Reported, () => Promise.reject(new Error('not this one')));
    await expect(registry.handle(envelope('test.other', {}), manager)).resolves.toBeUndefined();
    expect(registry.handles('test.other')).toBe(false);
  });

  it('refuses a second handler for the same event type in one consumer', () => {
    const registry = new EventHandlerRegistry('test').on(Reported, async () => undefined);
    expect(() => registry.on(Reported, async () => undefined)).toThrow(
      'consumer test: event test.progress.reported has two handlers',
    );
  });

  it('lists the event types it handles', () => {
    const registry = new EventHandlerRegistry('test')
      .on(Reported, async () => undefined)
      .on(Removed, async () => undefined);
    expect(registry.types).toEqual([Reported.type, Removed.type]);
    expect(registry.handles(Removed.type)).toBe(true);
  });

  it('lets a handler failure reach the consumer (which retries the event)', async () => {
    const registry = new EventHandlerRegistry('test').on(Removed, () => Promise.reject(new Error('boom')));
    await expect(registry.handle(envelope(Removed.type, { activityId: 'a' }), manager)).rejects.toThrow('boom');
  });
});
