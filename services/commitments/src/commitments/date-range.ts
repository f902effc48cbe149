import { invalidFields } from '@ogp/contracts';

/** A plan, commitment or activity ends on or after the day it starts (ISO dates compare as text). */
export function assertDates(start: string, end: string, what: string): void {
  if (end < start)
    throw invalidFields(`${what}: end date is before start date`, {
      field: 'endDate',
      rule: 'notBefore',
      args: ['startDate'],
    });
}
