/** Every list is bounded: a caller asks for at most MAX_PAGE_SIZE rows at a time. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageQuery {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function boundPage(query: PageQuery | undefined): { limit: number; offset: number } {
  const limit = Math.min(
    Math.max(Math.trunc(Number(query?.limit ?? DEFAULT_PAGE_SIZE)) || DEFAULT_PAGE_SIZE, 1),
    MAX_PAGE_SIZE,
  );
  const offset = Math.max(Math.trunc(Number(query?.offset ?? 0)) || 0, 0);
  return { limit, offset };
}
