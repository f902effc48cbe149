import { ValidateBy, ValidationOptions } from 'class-validator';
import { isInstant } from './calendar-date';

/** A moment, ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]), on a day that exists. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => isInstant(value),
        defaultMessage: () => '$property must be an existing date and time (ISO 8601)',
      },
    },
    options,
  );
}
