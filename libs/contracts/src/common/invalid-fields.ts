import { DomainError } from './domain.error';
import { ErrorCode } from './error-code.constant';
import { FieldIssue } from './field-issue';

/** A VALIDATION_FAILED error naming fields the owning service found wrong (`message` is for logs). */
export function invalidFields(message: string, ...issues: FieldIssue[]): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, { issues });
}
