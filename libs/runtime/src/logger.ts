import pino, { Logger } from 'pino';
import { requestContext } from './request-context';
import { currentTraceId } from './tracing/tracing';

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
      const traceId = currentTraceId();
      const fields: Record<string, string> = traceId ? { traceId } : {};
      if (store) {
        fields.correlationId = store.correlationId;
        if (store.actorId) fields.actorId = store.actorId;
      }
      return fields;
    },
  });
}

let warningsRouted = false;

/**
 * Node prints process warnings (Fastify's deprecations and FSTWRN codes among them) as plain
 * text on stderr, in the middle of the JSON lines: they go to the JSON logger instead.
 */
export function logProcessWarnings(logger: Logger): void {
  if (warningsRouted) return;
  warningsRouted = true;
  process.removeAllListeners('warning');
  process.on('warning', (warning) =>
    logger.warn(
      { warning: { name: warning.name, code: (warning as { code?: string }).code, message: warning.message } },
      'process warning',
    ),
  );
}
