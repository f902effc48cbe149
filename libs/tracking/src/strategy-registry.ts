import { remoteStrategySubject } from '@ogp/contracts';
import { BUILT_IN_STRATEGIES } from './built-in-strategies';
import { TrackingStrategy } from './tracking-strategy';

/** A strategy served by another process over NATS: `remote:<key>`. */
export const REMOTE_PREFIX = 'remote:';

export function isRemoteKey(key: string): boolean {
  return key.startsWith(REMOTE_PREFIX);
}

export function remoteSubject(key: string): string {
  return remoteStrategySubject(key.slice(REMOTE_PREFIX.length));
}

const KEY = /^(remote:)?[a-z0-9][a-z0-9_-]{0,63}$/;

/** Built-ins plus strategies loaded from code modules named in configuration. */
export class StrategyRegistry {
  private readonly strategies = new Map<string, TrackingStrategy>();

  constructor(extra: readonly TrackingStrategy[] = []) {
    for (const s of [...BUILT_IN_STRATEGIES, ...extra]) this.add(s);
  }

  add(strategy: TrackingStrategy): void {
    if (!KEY.test(strategy.key) || isRemoteKey(strategy.key)) throw new Error(`invalid strategy key "${strategy.key}"`);
    if (this.strategies.has(strategy.key)) throw new Error(`two strategies with key "${strategy.key}"`);
    if (typeof strategy.compute !== 'function') throw new Error(`strategy "${strategy.key}" has no compute()`);
    this.strategies.set(strategy.key, strategy);
  }

  get(key: string): TrackingStrategy | undefined {
    return this.strategies.get(key);
  }

  /** A key can be stored if it is a known local strategy or any well-formed remote one. */
  isKnown(key: string): boolean {
    return isRemoteKey(key) ? KEY.test(key) : this.strategies.has(key);
  }

  keys(): string[] {
    return [...this.strategies.keys()];
  }

  /** Loads `strategies` (or the default export) of each module path; refuses to boot on a bad one. */
  static fromModules(paths: string[], load: (path: string) => unknown = require): StrategyRegistry {
    const extra: TrackingStrategy[] = [];
    for (const path of paths.filter(Boolean)) {
      const mod = load(path) as { strategies?: TrackingStrategy[]; default?: TrackingStrategy | TrackingStrategy[] };
      const found = mod.strategies ?? mod.default;
      if (!found) throw new Error(`tracking strategy module ${path} exports neither "strategies" nor a default`);
      extra.push(...(Array.isArray(found) ? found : [found]));
    }
    return new StrategyRegistry(extra);
  }
}

/** Commitment over institution over programme; the default when none is set. */
export function resolveStrategyKey(
  levels: { commitment?: string | null; institution?: string | null; programme?: string | null },
  fallback = 'weighted_activities',
): string {
  return levels.commitment || levels.institution || levels.programme || fallback;
}
