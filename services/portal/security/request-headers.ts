/** Request headers proxy.ts sets for the pages: the CSP nonce, and the path (language switcher, log-in return). */
export const NONCE_HEADER = 'x-nonce';
export const PATH_HEADER = 'x-ogp-path';
