/** Injection token: ideas one person may submit in an hour (IDEA_RATE_LIMIT_PER_HOUR). */
export const IDEA_RATE_LIMIT = Symbol('IDEA_RATE_LIMIT');
