/**
 * Public gateway reads shared by every visitor for a second: concurrent renders of the same page
 * make one gateway call (single flight), and a change shows within TTL + one call. Bounded in size.
 */
export class PublicReadCache {
  private readonly entries = new Map<string, { at: number; value: Promise<CachedAnswer> }>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  read(key: string, load: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    // A failed read is not kept: the next visitor tries again.
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    if (this.entries.size > this.maxEntries) this.evictExpired();
    return value;
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (now - entry.at >= this.ttlMs) this.entries.delete(key);
    // Still too many: drop the oldest (Map keeps insertion order).
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}

/** What is kept of an answer: enough to rebuild a Response for each reader. */
export interface CachedAnswer {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}
