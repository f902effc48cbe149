import { ValidationError } from 'class-validator';
import { DomainError } from './domain.error';
import { ErrorCode } from './error-code.constant';
import { validationIssues } from './validation-details';

/** The VALIDATION_FAILED error of a DTO check: the gateway words each issue in the caller's language. */
export function invalidRequest(errors: ValidationError[]): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, 'invalid request', { issues: validationIssues(errors) });
}
