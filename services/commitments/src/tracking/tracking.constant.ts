/** The strategies this deployment knows (a StrategyRegistry). */
export const STRATEGY_REGISTRY = Symbol('STRATEGY_REGISTRY');
/** How long a remote strategy has to answer. */
export const REMOTE_STRATEGY_TIMEOUT_MS = Symbol('REMOTE_STRATEGY_TIMEOUT_MS');
