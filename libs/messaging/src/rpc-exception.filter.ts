import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, ErrorBody, ErrorCode } from '@ogp/contracts';
import { domainErrorFromDatabase } from '@ogp/persistence';
import { Observable, throwError } from 'rxjs';

/**
 * The one place where a service's failures become wire errors: a DomainError keeps its code,
 * a validation failure becomes VALIDATION_FAILED with the field messages, a Postgres refusal caused
 * by the request its domain error (a unique key is ALREADY_EXISTS), a server underneath that cannot
 * be reached UPSTREAM_UNAVAILABLE (503, the client retries), anything else is
 * logged here and leaves as INTERNAL, without its stack or SQL.
 */
@Catch()
export class RpcErrorFilter implements ExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<ErrorBody> | void {
    if (host.getType() === 'http') {
      // The HTTP side of a service serves only health and metrics.
      const reply = host.switchToHttp().getResponse<{ status(code: number): { send(body: unknown): void } }>();
      const status = exception instanceof HttpException ? exception.getStatus() : 500;
      reply.status(status).send({
        error: {
          code: status === 404 ? ErrorCode.ROUTE_NOT_FOUND : ErrorCode.INTERNAL,
          message: status === 404 ? 'not found' : 'internal error',
        },
      });
      return;
    }
    if (exception instanceof DomainError) return throwError(() => exception.toBody());
    if (exception instanceof BadRequestException) {
      const response = exception.getResponse() as { message?: unknown };
      return throwError(() =>
        new DomainError(ErrorCode.VALIDATION_FAILED, 'invalid request', response.message).toBody(),
      );
    }
    const fromDatabase = domainErrorFromDatabase(exception);
    if (fromDatabase?.code === ErrorCode.UPSTREAM_UNAVAILABLE) {
      this.logger.warn({ err: (exception as Error)?.message }, 'a server underneath is unavailable');
      return throwError(() => fromDatabase.toBody());
    }
    if (fromDatabase) {
      // The edge should have refused this input; the SQLSTATE says which check is missing there.
      this.logger.warn(
        { sqlState: (exception as { code?: string }).code, answered: fromDatabase.code },
        'database refused a request',
      );
      return throwError(() => fromDatabase.toBody());
    }
    this.logger.error(
      { err: (exception as Error)?.message, name: (exception as Error)?.name },
      'unhandled error in a request handler',
    );
    return throwError(() => new DomainError(ErrorCode.INTERNAL, 'internal error').toBody());
  }
}
