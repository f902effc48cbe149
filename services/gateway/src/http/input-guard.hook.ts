import { Header, invalidFields } from '@ogp/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inspectInput } from './inspect-input';

/** Headers whose values travel on as data (stored, or forwarded to a service). */
const DATA_HEADERS = [Header.IDEMPOTENCY_KEY];

function dataHeaders(request: FastifyRequest): Record<string, unknown> {
  return Object.fromEntries(
    DATA_HEADERS.filter((name) => request.headers[name] !== undefined).map((name) => [name, request.headers[name]]),
  );
}

/**
 * One check over every incoming string, before guards and DTOs see it: path parameters, query,
 * body and data headers. A NUL, a lone surrogate or nesting deeper than any route needs is a 400.
 */
export function registerInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const problem =
      inspectInput(request.params) ??
      inspectInput(request.query) ??
      inspectInput(request.body) ??
      inspectInput(dataHeaders(request));
    if (problem)
      throw invalidFields('text no service can store, or nesting too deep', {
        field: problem.field || 'body',
        rule: problem.rule,
      });
  });
}
