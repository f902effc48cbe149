import { createSecretKey, KeyObject } from 'node:crypto';
import { GatewayConfig } from '../gateway.config';

const keys = new WeakMap<GatewayConfig, KeyObject>();

/**
 * The access tokens' HMAC key, as a key object made once per configuration, for signing and
 * verifying alike: given the string, jsonwebtoken builds one at every call (sign() first tries it as a
 * private key, which throws: 365-374 µs a signature against 6-9 µs; a verification ~50x the HMAC).
 * jsonwebtoken takes a KeyObject; @nestjs/jwt's and passport-jwt's types name only string | Buffer.
 */
export function tokenKey(config: GatewayConfig): Buffer {
  let key = keys.get(config);
  if (!key) keys.set(config, (key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'))));
  return key as unknown as Buffer;
}
