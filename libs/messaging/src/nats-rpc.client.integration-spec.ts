import { rpc } from '@ogp/contracts';
import { requestContext, RequestContextStore } from '@ogp/runtime';
import { TEST_NATS_URL, TestIsolation } from '@ogp/testing';
import { connect, NatsConnection } from 'nats';
import { NatsRpcClient } from './nats-rpc.client';
import { withPrefix } from './subject';

describe('NatsRpcClient (real NATS)', () => {
  const iso = new TestIsolation();
  let nc: NatsConnection;
  let client: NatsRpcClient;

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
    // A responder in Nest's packet format, for two services.
    for (const subject of ['ledger.entry.get', 'archive.entry.get'])
      nc.subscribe(withPrefix(iso.prefix, subject), {
        callback: (_err, msg) => {
          const { id, data } = JSON.parse(new TextDecoder().decode(msg.data)) as { id: string; data: unknown };
          msg.respond(new TextEncoder().encode(JSON.stringify({ id, response: { echoed: data }, isDisposed: true })));
        },
      });
    await nc.flush();
    client = new NatsRpcClient(() => nc, iso.prefix, 2000);
  });

  afterAll(async () => {
    client?.close();
    await nc?.close();
    await iso.cleanup();
  });

  it('notes in the request being served each service it called (what the public cache reads after a write)', async () => {
    const store: RequestContextStore = { correlationId: 'c-1' };
    await requestContext.run(store, async () => {
      expect(await client.request(rpc<{ n: number }, unknown>('ledger.entry.get'), { n: 1 })).toEqual({
        echoed: { n: 1 },
      });
      await client.request(rpc<{ n: number }, unknown>('ledger.entry.get'), { n: 2 });
      await client.request(rpc<{ n: number }, unknown>('archive.entry.get'), { n: 3 });
    });
    expect([...(store.services ?? [])]).toEqual(['ledger', 'archive']);
    // Outside any request (a sweep, a consumer without context) it just answers.
    expect(await client.request(rpc<{ n: number }, unknown>('ledger.entry.get'), { n: 4 })).toEqual({
      echoed: { n: 4 },
    });
  });
});
