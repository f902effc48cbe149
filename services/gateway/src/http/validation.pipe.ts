import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { invalidFields, invalidRequest } from '@ogp/contracts';

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
      // The failing object lets invalidRequest read each rule's values (lengths, bounds); it is never sent.
      validationError: { target: true, value: false },
      exceptionFactory: invalidRequest,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (
      (metadata.type === 'body' || metadata.type === 'query') &&
      !metadata.data &&
      this.toValidate(metadata) &&
      !isPlainObject(value)
    ) {
      throw invalidFields(`the ${metadata.type} must be a JSON object`, { field: metadata.type, rule: 'isObject' });
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new GatewayValidationPipe();
}
