export * from './fate-transition';
export * from './phase-window';
