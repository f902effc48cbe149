import { IndicatorFigures } from './indicators.repository';

/** A measurement sets the current value; the baseline and target change only when given. */
export function figuresAfter(
  before: IndicatorFigures,
  dto: { current: number; baseline?: number; target?: number },
): IndicatorFigures {
  return { current: dto.current, baseline: dto.baseline ?? before.baseline, target: dto.target ?? before.target };
}
