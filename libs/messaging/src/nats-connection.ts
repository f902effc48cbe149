import { connect, ConnectionOptions, Events, NatsConnection } from 'nats';

export interface NatsConnectOptions {
  url: string;
  name: string;
}

/** Options shared by every connection of the platform: reconnect forever, never give up at boot. */
export function natsConnectionOptions(options: NatsConnectOptions): ConnectionOptions {
  return {
    servers: options.url.split(','),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    waitOnFirstConnect: true,
    pingInterval: 20000,
    // nats.js otherwise builds an Error (a stack capture) for every request and publish acknowledgement,
    // in case it times out: 6% of the outbox relay's CPU, measured with perf. Timeouts are still
    // reported (our RPC client turns them into 504s); their traces lose the caller's frames.
    noAsyncTraces: true,
  };
}

export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  return batchWritesPerTick(await connect(natsConnectionOptions(options)));
}

/** The part of nats.js's protocol handler (2.x) that queues outgoing commands. */
interface OutboundProtocol {
  outbound: { fill(data: Uint8Array, ...payloads: Uint8Array[]): void; size(): number };
  pendingLimit: number;
  flushPending(): void;
  close(): Promise<void>;
  sendCommand(cmd: string | Uint8Array, ...payloads: Uint8Array[]): void;
}

const encoder = new TextEncoder();
const batched = new WeakSet<object>();

/**
 * nats.js writes its queued commands to the socket at the end of the current microtask queue, so
 * under load every publish made from its own I/O callback (one HTTP request, one NATS message)
 * costs its own write system call. This makes the connection write once per turn of the event
 * loop (setImmediate), and still at once when the queue reaches the library's pending limit.
 * Ordering is unchanged (one buffer); flush(), PINGs and close() still write at once. If the library's
 * internals are not the ones expected, the connection is left as it is.
 */
export function batchWritesPerTick(nc: NatsConnection): NatsConnection {
  const protocol = (nc as unknown as { protocol?: Partial<OutboundProtocol> }).protocol;
  if (
    !protocol ||
    batched.has(protocol) ||
    typeof protocol.sendCommand !== 'function' ||
    typeof protocol.flushPending !== 'function' ||
    typeof protocol.close !== 'function' ||
    !protocol.outbound
  )
    return nc;
  const p = protocol as OutboundProtocol;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    p.flushPending();
  };
  p.sendCommand = (cmd, ...payloads) => {
    p.outbound.fill(typeof cmd === 'string' ? encoder.encode(cmd) : cmd, ...payloads);
    if (p.outbound.size() >= p.pendingLimit) p.flushPending();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  // What was published just before a close still leaves.
  const close = p.close.bind(p);
  p.close = () => {
    p.flushPending();
    return close();
  };
  batched.add(protocol);
  return nc;
}

/**
 * Follows whether `nc` is linked to a server: `down` on a disconnect, `up` on a reconnect (what was
 * published meanwhile went unheard). Ends when the connection closes.
 */
export function followLink(nc: NatsConnection, on: { down: () => void; up: () => void }): void {
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect) on.down();
      else if (status.type === Events.Reconnect) on.up();
    }
  })().catch(() => undefined);
}
