import 'server-only';

/** The portal's environment, read once and checked; a bad value stops the server at boot. */
export interface PortalConfig {
  gatewayUrl: string;
  secret: string;
  secureCookies: boolean;
  production: boolean;
}

let cached: PortalConfig | null = null;

export function portalConfig(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  if (cached && env === process.env) return cached;
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  const gatewayUrl = (env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(gatewayUrl)) problems.push('GATEWAY_URL must be an http(s) URL');
  // Signs the CSRF tokens; every replica needs the same value (secret: never printed).
  const secret = env.PORTAL_SECRET ?? (production ? '' : 'development-only-portal-secret-0123456789abcdef');
  if (secret.length < 32) problems.push('PORTAL_SECRET must be set (32+ characters)');
  const secureFlag = env.PORTAL_COOKIE_SECURE;
  if (secureFlag !== undefined && secureFlag !== 'true' && secureFlag !== 'false')
    problems.push('PORTAL_COOKIE_SECURE must be true or false');
  if (problems.length) throw new Error(`portal configuration: ${problems.join('; ')}`);
  const config = {
    gatewayUrl,
    secret,
    production,
    secureCookies: secureFlag === undefined ? production : secureFlag === 'true',
  };
  if (env === process.env) cached = config;
  return config;
}
