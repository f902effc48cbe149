import pino, { Logger } from 'pino';
import { requestContext } from './request-context';

/**
 * Paths never written to a log line: secrets and personal data. Pino replaces them with
 * "[redacted]" wherever they appear in the logged object.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'config.DATABASE_URL',
  'config.JWT_SECRET',
];

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const store = requestContext.getStore();
      return store ? { correlationId: store.correlationId, ...(store.actorId ? { actorId: store.actorId } : {}) } : {};
    },
  });
}
