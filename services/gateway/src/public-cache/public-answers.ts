import { createHash } from 'node:crypto';

/** One public answer kept in memory, as it was sent. */
export interface PublicAnswer {
  /** The body as sent (UTF-8), encoded once (the only copy kept). */
  bytes: Buffer;
  etag: string;
  contentType: string;
  /** The route pattern it answered (the metrics' and access log's label). */
  route: string;
  /** The ids (UUIDs) its URL names: a change to one of them drops it. */
  ids: readonly string[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Answers may say what is late or overdue "today"; a date changes in some time zone only on a quarter hour. */
const EPOCH_MS = 15 * 60 * 1000;

export const PUBLIC_CACHE_MAX_ENTRIES = 5000;
export const PUBLIC_CACHE_MAX_BODY = 512 * 1024;

/** A strong validator: the same bytes, the same tag. */
export function strongEtag(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header names this tag (or is `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Public answers of the gateway, kept until a change touches them (never on a timer): a domain
 * event drops the answers naming its ids and the lists naming none; a write through any gateway
 * drops them all. An answer read while a change was being made is not kept (the generation moved
 * between the start of its request and its storing), so no answer older than a change survives it.
 */
export class PublicAnswers {
  private readonly entries = new Map<string, PublicAnswer>();
  private readonly byId = new Map<string, Set<string>>();
  private gen = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries = PUBLIC_CACHE_MAX_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Read when a request starts; pass it back to `put`. */
  generation(): number {
    return this.gen;
  }

  key(url: string): string {
    return `${Math.floor(this.now() / EPOCH_MS)} ${url}`;
  }

  /** The answer kept for this URL, counted as a hit or a miss. */
  get(url: string): PublicAnswer | undefined {
    const answer = this.entries.get(this.key(url));
    if (answer) this.hits += 1;
    else this.misses += 1;
    return answer;
  }

  /** Keeps an answer unless something changed since its request started (`since`). */
  put(url: string, route: string, since: number, body: string, contentType: string): PublicAnswer | undefined {
    const answer: PublicAnswer = {
      bytes: Buffer.from(body, 'utf8'),
      etag: strongEtag(body),
      contentType,
      route,
      ids: [...new Set((url.match(UUID) ?? []).map((id) => id.toLowerCase()))],
    };
    if (since !== this.gen || body.length > PUBLIC_CACHE_MAX_BODY) return answer;
    const key = this.key(url);
    this.remove(key);
    while (this.entries.size >= this.maxEntries) this.remove(this.entries.keys().next().value as string);
    this.entries.set(key, answer);
    for (const id of answer.ids) {
      let keys = this.byId.get(id);
      if (!keys) this.byId.set(id, (keys = new Set()));
      keys.add(key);
    }
    return answer;
  }

  /** A change to these ids: drops the answers naming one of them, and the answers naming no id (lists). */
  changed(ids: readonly string[]): void {
    this.gen += 1;
    for (const id of ids) for (const key of [...(this.byId.get(id.toLowerCase()) ?? [])]) this.remove(key);
    for (const [key, answer] of this.entries) if (answer.ids.length === 0) this.remove(key);
  }

  /** A change whose reach is not known: drops every answer. */
  clear(): void {
    this.gen += 1;
    this.entries.clear();
    this.byId.clear();
  }

  private remove(key: string): void {
    const answer = this.entries.get(key);
    if (!answer) return;
    this.entries.delete(key);
    for (const id of answer.ids) {
      const keys = this.byId.get(id);
      keys?.delete(key);
      if (keys?.size === 0) this.byId.delete(id);
    }
  }
}
