import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const production = process.env.NODE_ENV === 'production';

/** Headers every answer carries; the Content-Security-Policy (with its per-request nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The container image (deploy/Dockerfile, target portal) runs the standalone server.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  // The monorepo root: node_modules are hoisted there (npm workspaces).
  turbopack: { root: join(here, '..', '..') },
  outputFileTracingRoot: join(here, '..', '..'),
  experimental: {
    // An unknown address gets a real 404 page rendered on the server (see app/global-not-found.tsx).
    globalNotFound: true,
    serverActions: {
      bodySizeLimit: '1mb',
      // Behind a reverse proxy that rewrites Host, list the public host here (comma-separated).
      allowedOrigins: (process.env.PORTAL_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
    },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default config;
