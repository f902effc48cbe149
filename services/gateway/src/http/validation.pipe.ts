import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, flattenValidationErrors } from '@ogp/contracts';

/** A JSON object: what every body and query DTO describes (not null, not an array, not a scalar). */
function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whitelisting validation: unknown fields and wrong types are refused with the fields named.
 * Nest would validate a missing or null body as {}, so a route with a body refuses anything but an object.
 */
export class GatewayValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      exceptionFactory: (errors) => new DomainError(ErrorCode.VALIDATION_FAILED, 'invalid request', { fields: flattenValidationErrors(errors) }),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && !metadata.data && this.toValidate(metadata) && !isPlainObject(value)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'the request body must be a JSON object', { fields: { [metadata.type]: ['must be a JSON object'] } });
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new GatewayValidationPipe();
}
