import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Header } from '@ogp/contracts';
import { requestContext } from '@ogp/runtime';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/**
 * Runs the handler inside the request context: the correlation id (the caller's
 * x-correlation-id or a new one) reaches every log line and every NATS header.
 */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: { id: string } }>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = String(request.id);
    void reply.header(Header.CORRELATION_ID, correlationId);
    return new Observable((subscriber) =>
      requestContext.run({ correlationId, actorId: request.user?.id }, () => next.handle().subscribe(subscriber)),
    );
  }
}
