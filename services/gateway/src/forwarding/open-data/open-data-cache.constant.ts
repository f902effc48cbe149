/** `public, no-cache`: anyone may keep a copy but asks again (If-None-Match) before using it; a changed dataset answers anew. */
export const OPEN_DATA_CACHE = 'public, no-cache';
