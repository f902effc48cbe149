import { normalizeForSearch } from '@ogp/runtime';

/** Texts shorter than this (once normalised) match too much to suggest anything. */
export const SIMILAR_MIN_LENGTH = 3;
/** The part of a text compared: enough to tell ideas apart, short enough for the trigram index. */
export const SIMILAR_MAX_LENGTH = 500;

/** The normalised text to look ideas up by, or null when it is too short to compare. */
export function similarityProbe(text: string): string | null {
  const probe = normalizeForSearch(text).slice(0, SIMILAR_MAX_LENGTH);
  return probe.length < SIMILAR_MIN_LENGTH ? null : probe;
}
