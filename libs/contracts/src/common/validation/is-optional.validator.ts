import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * The field may be left out; when it is given, null included, it is validated. class-validator's
 * own IsOptional also lets null through, which then reaches NOT NULL columns.
 */
export function IsOptional(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((object: Record<string, unknown>, value: unknown) => value !== undefined, options);
}
