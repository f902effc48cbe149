import { connect, ConnectionOptions, NatsConnection } from 'nats';

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
  };
}

export function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  return connect(natsConnectionOptions(options));
}
