/**
 * What a set of activity weights would give, computed as the platform's default strategy does
 * (libs/tracking, weighted_activities): a missing weight counts as 1, a weight of 0 leaves the
 * activity out, and when every weight is 0 the activities count equally. Used by the server (the
 * preview without JavaScript) and by the weights editor in the browser.
 */
export interface WeightedActivity {
  id: string;
  weight: number | null;
  progress: number;
}

export interface WeightPreview {
  /** Each activity's normalised share, 0-100. */
  shares: Record<string, number>;
  /** The commitment's progress with these weights, 0-100, rounded to two decimals. */
  progress: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function previewWeights(activities: WeightedActivity[]): WeightPreview {
  if (activities.length === 0) return { shares: {}, progress: 0 };
  const weights = activities.map((a) => (a.weight === null || !Number.isFinite(a.weight) ? 1 : Math.max(0, a.weight)));
  const total = weights.reduce((s, w) => s + w, 0);
  const shares: Record<string, number> = {};
  if (total === 0) {
    activities.forEach((a) => (shares[a.id] = round2(100 / activities.length)));
    return { shares, progress: round2(activities.reduce((s, a) => s + a.progress, 0) / activities.length) };
  }
  activities.forEach((a, i) => (shares[a.id] = round2((weights[i] / total) * 100)));
  return { shares, progress: round2(activities.reduce((s, a, i) => s + weights[i] * a.progress, 0) / total) };
}

/** A weight typed in a form: empty is "no weight" (null); anything else must be a number from 0 to 1,000,000. */
export function parseWeight(raw: string): number | null | 'invalid' {
  const text = raw.trim().replace(',', '.');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= 1_000_000 ? n : 'invalid';
}
