import { event, EventEnvelope } from '@ogp/contracts';
import { currentCorrelationId } from '@ogp/runtime';
import { EntityManager } from 'typeorm';
import { EventHandlerRegistry } from './event-handler.registry';

const Reported = event<{ commitmentId: string; progress: number }>('test.progress.reported');
const Removed = event<{ activityId: string }>('test.activity.removed');
const Leveled = event<{ commitmentId: string; level: string }>('test.level.changed');
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

  describe('batch forms', () => {
    const at = (type: string, data: object, id: string) => ({
      ...envelope(type, data),
      id,
      correlationId: `corr-${id}`,
    });
    const calls: string[] = [];
    const registry = new EventHandlerRegistry('test')
      .onBatch(Reported, async (events) => {
        calls.push(`reported:${events.map((e) => e.data.progress).join(',')}`);
      })
      .onBatch(Leveled, async (events) => {
        calls.push(`leveled:${events.map((e) => e.data.level).join(',')}`);
      })
      .on(Removed, async (e) => {
        calls.push(`removed:${e.data.activityId}:${currentCorrelationId()}`);
      });
    beforeEach(() => calls.splice(0));

    it('a lone event of a type in batch form goes to it as a batch of one', async () => {
      await registry.handle(at(Reported.type, { commitmentId: 'c', progress: 10 }, 'e1'), manager);
      expect(calls).toEqual(['reported:10']);
    });

    it('a batch made only of types in batch form is applied type by type, each type in its order', async () => {
      await registry.handleBatch(
        [
          at(Reported.type, { commitmentId: 'c', progress: 10 }, 'e1'),
          at(Leveled.type, { commitmentId: 'c', level: 'started' }, 'e2'),
          at(Reported.type, { commitmentId: 'c', progress: 20 }, 'e3'),
          at(Leveled.type, { commitmentId: 'c', level: 'done' }, 'e4'),
        ],
        manager,
      );
      expect(calls).toEqual(['reported:10,20', 'leveled:started,done']);
    });

    it('a batch holding another type is applied in its order, consecutive events of a batch form together, the others one by one in their own context', async () => {
      await registry.handleBatch(
        [
          at(Reported.type, { commitmentId: 'c', progress: 10 }, 'e1'),
          at(Reported.type, { commitmentId: 'c', progress: 20 }, 'e2'),
          at(Removed.type, { activityId: 'a' }, 'e3'),
          at(Reported.type, { commitmentId: 'c', progress: 30 }, 'e4'),
          at('test.unknown', {}, 'e5'),
        ],
        manager,
      );
      expect(calls).toEqual(['reported:10,20', 'removed:a:corr-e3', 'reported:30']);
    });
  });
});
