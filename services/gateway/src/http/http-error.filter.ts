import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, ERROR_MESSAGES, ERROR_STATUS, ErrorCode, localizeDetails, pickLanguage } from '@ogp/contracts';
import { domainErrorFromDatabase } from '@ogp/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Seconds a client waits before retrying when a server underneath is away (NATS, Postgres). */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/** Fastify's own error codes that a client causes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ErrorCode.PAYLOAD_TOO_LARGE,
  FST_ERR_CTP_INVALID_JSON_BODY: ErrorCode.MALFORMED_JSON,
  FST_ERR_CTP_EMPTY_JSON_BODY: ErrorCode.MALFORMED_JSON,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ErrorCode.VALIDATION_FAILED,
  FST_ERR_BAD_URL: ErrorCode.VALIDATION_FAILED,
  FST_ERR_MAX_PARAM_LENGTH: ErrorCode.VALIDATION_FAILED,
};

export function classify(exception: unknown): { code: ErrorCode; details?: unknown } {
  if (exception instanceof DomainError) return { code: exception.code, details: exception.details };
  const fromDatabase = domainErrorFromDatabase(exception);
  if (fromDatabase) return { code: fromDatabase.code };
  const fastifyCode = (exception as { code?: string })?.code;
  if (fastifyCode && FASTIFY_CODES[fastifyCode]) return { code: FASTIFY_CODES[fastifyCode] };
  if (exception instanceof SyntaxError) return { code: ErrorCode.MALFORMED_JSON };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest reports a body Fastify could not parse as a plain 400 with this message.
    if (status === 400 && /not valid JSON/i.test(exception.message)) return { code: ErrorCode.MALFORMED_JSON };
    if (status === 404) return { code: ErrorCode.ROUTE_NOT_FOUND };
    if (status === 413) return { code: ErrorCode.PAYLOAD_TOO_LARGE };
    if (status === 401) return { code: ErrorCode.UNAUTHENTICATED };
    if (status === 403) return { code: ErrorCode.FORBIDDEN };
    if (status === 429) return { code: ErrorCode.RATE_LIMITED };
    if (status === 415) return { code: ErrorCode.UNSUPPORTED_MEDIA_TYPE };
    if (status >= 400 && status < 500) return { code: ErrorCode.VALIDATION_FAILED };
  }
  const statusCode = (exception as { statusCode?: number })?.statusCode;
  if (statusCode === 413) return { code: ErrorCode.PAYLOAD_TOO_LARGE };
  if (statusCode === 400) return { code: ErrorCode.MALFORMED_JSON };
  return { code: ErrorCode.INTERNAL };
}

/**
 * Every error leaves the gateway as {error: {code, message, details?}}, the message in the
 * caller's language (Accept-Language, Arabic by default), never a stack trace.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const { code, details } = classify(exception);
    if (code === ErrorCode.INTERNAL) {
      this.logger.error(
        { err: (exception as Error)?.message, name: (exception as Error)?.name, url: request.url },
        'unhandled error',
      );
    }
    sendError(reply, request.headers['accept-language'], code, details);
  }
}

export function sendError(
  reply: FastifyReply,
  acceptLanguage: string | undefined,
  code: ErrorCode,
  details?: unknown,
): void {
  const language = pickLanguage(acceptLanguage);
  const status = ERROR_STATUS[code] ?? 500;
  if (code === ErrorCode.RATE_LIMITED)
    void reply.header('retry-after', String((details as { retryAfterSeconds?: number })?.retryAfterSeconds ?? 60));
  // A server-side outage is temporary: tell the client when to try again rather than to give up.
  else if (status === 503) void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  void reply
    .status(status)
    .header('content-language', language)
    .send({
      error: {
        code,
        message: fill(ERROR_MESSAGES[code][language], details),
        ...(details !== undefined ? { details: localizeDetails(details, language) } : {}),
      },
    });
}

/** Puts values from the details into the message ({opensAt} and the like). */
function fill(message: string, details: unknown): string {
  if (!details || typeof details !== 'object') return message;
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = (details as Record<string, unknown>)[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}
