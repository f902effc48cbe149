import { ErrorCode } from './error-code.constant';

/** The wire form of an error: what a service replies and what the gateway returns. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/**
 * A failure the caller can act on. Services throw it; the transport filters turn it into an
 * ErrorBody, never a stack trace.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }

  static isBody(value: unknown): value is ErrorBody {
    return (
      !!value &&
      typeof value === 'object' &&
      typeof (value as ErrorBody).code === 'string' &&
      typeof (value as ErrorBody).message === 'string'
    );
  }
}
