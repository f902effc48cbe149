import { invalidFields } from '@ogp/contracts';
import { resolveStrategyKey, StrategyRegistry } from '@ogp/tracking';

export type StrategySource = 'commitment' | 'institution' | 'programme' | 'default';

export interface ResolvedStrategy {
  key: string;
  source: StrategySource;
}

export interface StrategyChoices {
  tracking_strategy: string | null;
  institution_strategy: string | null;
  programme_strategy: string | null;
}

/** The strategy in force for a commitment: its own, else its institution's, else its programme's, else the default. */
export function resolveStrategy(row: StrategyChoices): ResolvedStrategy {
  const key = resolveStrategyKey({
    commitment: row.tracking_strategy,
    institution: row.institution_strategy,
    programme: row.programme_strategy,
  });
  const source: StrategySource = row.tracking_strategy
    ? 'commitment'
    : row.institution_strategy
      ? 'institution'
      : row.programme_strategy
        ? 'programme'
        : 'default';
  return { key, source };
}

/** A card or an institution may name a strategy only if this deployment knows it. */
export function assertKnownStrategy(registry: StrategyRegistry, key: string | null | undefined): void {
  if (key && !registry.isKnown(key))
    throw invalidFields(`unknown tracking strategy ${key}`, {
      field: 'trackingStrategy',
      rule: 'unknownStrategy',
      args: [key],
    });
}
