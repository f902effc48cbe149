import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { DomainError, ErrorCode, Header } from '@ogp/contracts';
import { requestContext } from '@ogp/runtime';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { IdempotentAnswersRepository } from './idempotent-answers.repository';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_KEY_LENGTH = 200;

/**
 * `Idempotency-Key` on a write: the first answer is kept (per actor, 24 h) and a retry with the
 * same key and body gets it back without writing again; the same key with another request is
 * 422; a duplicate that arrives while the first still runs is 409 and may retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly answers: IdempotentAnswersRepository) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers[Header.IDEMPOTENCY_KEY];
    const actorId = request.user?.id;
    // Anonymous writes (log-in, registration) have no actor to keep answers for.
    if (!WRITES.has(request.method) || typeof key !== 'string' || !actorId) return next.handle();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `Idempotency-Key must have 1 to ${MAX_KEY_LENGTH} characters`);
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');

    if (!(await this.answers.claim(actorId, key, fingerprint))) {
      const first = await this.answers.find(actorId, key);
      if (!first) throw new DomainError(ErrorCode.CONFLICT, 'the request with this key was just released; retry');
      if (first.fingerprint !== fingerprint) throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED);
      if (first.status === null) throw new DomainError(ErrorCode.CONFLICT, 'a request with this key is still running');
      void reply.status(first.status).header('idempotent-replayed', 'true');
      return of(first.body);
    }
    // The owning service keeps the key with its change (runIdempotent): a retry after a lost answer is not done twice there either.
    const store = requestContext.getStore();
    if (store) store.idempotencyKey = key;
    return next.handle().pipe(
      // Kept before the answer leaves, so a retry right after already finds it.
      mergeMap((body: unknown) => from(this.answers.complete(actorId, key, reply.statusCode, body).then(() => body))),
      catchError((err: unknown) =>
        from(this.answers.release(actorId, key).catch(() => undefined)).pipe(mergeMap(() => throwError(() => err))),
      ),
    );
  }
}
