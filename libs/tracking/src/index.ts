export * from './completion-level';
export * from './tracking-strategy';
export * from './built-in-strategies';
export * from './strategy-registry';
export * from './schedule';
export * from './co-creation';
