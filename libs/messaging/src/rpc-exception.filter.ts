import { ArgumentsHost, BadRequestException, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { DomainError, ErrorBody, ErrorCode } from '@ogp/contracts';
import { Observable, throwError } from 'rxjs';

/**
 * The one place where a service's failures become wire errors: a DomainError keeps its code,
 * a validation failure becomes VALIDATION_FAILED with the field messages, anything else is
 * logged here and leaves as INTERNAL, without its stack or SQL.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<ErrorBody> {
    if (exception instanceof DomainError) return throwError(() => exception.toBody());
    if (exception instanceof BadRequestException) {
      const response = exception.getResponse() as { message?: unknown };
      return throwError(() => new DomainError(ErrorCode.VALIDATION_FAILED, 'invalid request', response.message).toBody());
    }
    this.logger.error({ err: (exception as Error)?.message, name: (exception as Error)?.name }, 'unhandled error in a request handler');
    return throwError(() => new DomainError(ErrorCode.INTERNAL, 'internal error').toBody());
  }
}
