export * from './role.constant';
export * from './actor';
export * from './scope';
export * from './roles.decorator';
export * from './rpc-actor.decorator';
