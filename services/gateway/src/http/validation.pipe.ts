import { ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, flattenValidationErrors } from '@ogp/contracts';

/** Whitelisting validation: unknown fields and wrong types are refused with the fields named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new DomainError(ErrorCode.VALIDATION_FAILED, 'invalid request', { fields: flattenValidationErrors(errors) }),
  });
}
