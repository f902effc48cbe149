/**
 * The Content-Security-Policy of every page: scripts only from this origin with the request's nonce
 * (Next.js puts it on its own scripts), no inline style attributes (bars and charts are SVG
 * attributes), no plugins, no framing, forms posting only here.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'nonce-${nonce}'${options.development ? ` 'unsafe-inline'` : ''}`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
