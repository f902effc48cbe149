export * from './service-data-source';
export * from './run-migrations';
export * from './persistence.module';
export * from './database-error';
export * from './prepared-query';
export * from './transaction-opened-with';
export * from './time-ordered-uuid';
