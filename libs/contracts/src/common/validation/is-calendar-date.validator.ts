import { ValidateBy, ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date';

/** A day that exists, written YYYY-MM-DD: the one check every date field uses. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: () => '$property must be an existing date YYYY-MM-DD',
      },
    },
    options,
  );
}
