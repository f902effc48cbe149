import { Recipient } from './recipient';

/** The people of all the groups, each once (first seen first), never the one who caused the event. */
export function othersThan(authorId: string | null | undefined, ...groups: Recipient[][]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const r of groups.flat()) if (r.userId !== authorId && !seen.has(r.userId)) seen.set(r.userId, r);
  return [...seen.values()];
}
