import { TEST_NATS_URL, TestIsolation, waitFor } from '@ogp/testing';
import { connect, NatsConnection } from 'nats';
import { connectNats } from './nats-connection';

/** Counts the writes a connection makes to its socket (nats.js internals, read for this test only). */
function countWrites(nc: NatsConnection): () => number {
  const socket = (nc as unknown as { protocol: { transport: { socket: { write: (...a: unknown[]) => boolean } } } })
    .protocol.transport.socket;
  let writes = 0;
  const write = socket.write.bind(socket);
  socket.write = (...args: unknown[]) => {
    writes += 1;
    return write(...args);
  };
  return () => writes;
}

describe('NATS connection writing once per turn of the event loop (real NATS)', () => {
  const iso = new TestIsolation();
  let listener: NatsConnection;

  beforeAll(async () => {
    listener = await connect({ servers: TEST_NATS_URL });
  });

  afterAll(async () => {
    await listener.close();
  });

  function collect(subject: string): string[] {
    const seen: string[] = [];
    listener.subscribe(subject, { callback: (_err, msg) => seen.push(msg.string()) });
    return seen;
  }

  it('publishes made from separate callbacks of one turn leave in one write, all delivered in order', async () => {
    const subject = `${iso.prefix}.batch`;
    const seen = collect(subject);
    await listener.flush();
    const nc = await connectNats({ url: TEST_NATS_URL, name: 'batch-test' });
    try {
      await nc.flush();
      const writes = countWrites(nc);
      // 200 callbacks queued for the same phase, as 200 HTTP requests read in one turn would be.
      await new Promise<void>((resolve) => {
        for (let i = 0; i < 200; i++) setImmediate(() => nc.publish(subject, String(i)));
        setImmediate(() => setImmediate(resolve));
      });
      expect(writes()).toBe(1);
      await waitFor(() => seen.length === 200, { what: '200 messages' });
      expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
    } finally {
      await nc.close();
    }
  });

  it('a message published just before close still leaves', async () => {
    const subject = `${iso.prefix}.close`;
    const seen = collect(subject);
    await listener.flush();
    const nc = await connectNats({ url: TEST_NATS_URL, name: 'close-test' });
    nc.publish(subject, 'last words');
    await nc.close();
    await waitFor(() => seen.length === 1, { what: 'the message published before close' });
    expect(seen).toEqual(['last words']);
  });

  it('request and reply still work, with flush() sending at once', async () => {
    const subject = `${iso.prefix}.echo`;
    const server = await connectNats({ url: TEST_NATS_URL, name: 'echo-server' });
    const client = await connectNats({ url: TEST_NATS_URL, name: 'echo-client' });
    try {
      server.subscribe(subject, { callback: (_err, msg) => msg.respond(msg.data) });
      await server.flush();
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          client.request(subject, new TextEncoder().encode(`m${i}`), { timeout: 5000 }),
        ),
      );
      expect(replies.map((r) => r.string())).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`));
    } finally {
      await client.close();
      await server.close();
    }
  });
});
