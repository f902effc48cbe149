export * from './tracing';
export * from './propagation';
export * from './metrics';
export * from './http-observability';
export * from './rpc-observability';
export * from './metrics-server';
