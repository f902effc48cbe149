export * from './servers';
export * from './wait-for';
export * from './test-isolation';
export * from './spawned-service';
export * from './mailbox';
export * from './row-counts';
export * from './contract-validator';
export * from './private-server';
