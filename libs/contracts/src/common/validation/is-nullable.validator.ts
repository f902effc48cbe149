import { ValidateIf, ValidationOptions } from 'class-validator';

/** The field may be left out or be null (null has a meaning there, e.g. "clear the weight"). */
export function IsNullable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf(
    (object: Record<string, unknown>, value: unknown) => value !== undefined && value !== null,
    options,
  );
}
