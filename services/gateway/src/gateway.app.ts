import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Header } from '@ogp/contracts';
import { Clock, createServiceApp, FrontDoor, requestContext, ServiceApp } from '@ogp/runtime';
import type { Logger } from 'pino';
import { RouteCatalog } from './access/route-catalog';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { API_ANSWER_HEADERS } from './http/answer-headers';
import { classify, sendError } from './http/http-error.filter';
import { registerInputGuard } from './http/input-guard.hook';
import { PublicCache } from './public-cache/public-cache';

export const IMPORT_BODY_LIMIT = 900 * 1024;
export const EVIDENCE_BODY_LIMIT = 760 * 1024;

/** The gateway application, not yet listening (tests and main share it). */
export async function createGatewayApp(config: GatewayConfig, logger: Logger, clock?: Clock): Promise<ServiceApp> {
  const frontDoor: FrontDoor = {};
  return createServiceApp({
    frontDoor,
    module: GatewayModule.register(config, logger, clock),
    logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // The router refuses a URL that does not decode or a parameter over its length before any hook runs.
    frameworkErrors: (error, request, reply) => {
      const { code, details } = classify(error);
      sendError(reply, request.headers['accept-language'], code, details);
    },
    configureHttp: (app) => {
      const fastify = app.getHttpAdapter().getInstance();
      // A whole plan is larger than an ordinary request; it still fits one NATS message.
      fastify.addHook('onRoute', (route) => {
        if (route.url === '/plans/import') route.bodyLimit = IMPORT_BODY_LIMIT;
        // A progress report may carry one evidence file (512 KB, base64-encoded in the JSON).
        if (route.url === '/commitments/:id/progress') route.bodyLimit = EVIDENCE_BODY_LIMIT;
      });
      // The whole request runs inside its correlation context: every log line and NATS header carries it.
      fastify.addHook('onRequest', (request, reply, done) => {
        void reply.header(Header.CORRELATION_ID, request.id);
        if (request.url.startsWith('/docs')) void reply.header('x-content-type-options', 'nosniff');
        else void reply.headers(API_ANSWER_HEADERS);
        requestContext.run({ correlationId: String(request.id) }, done);
      });
      registerInputGuard(fastify);
      // Visitors' public reads answered from memory ahead of Fastify (the front door), and kept here.
      const cache = app.get(PublicCache);
      cache.register(fastify);
      frontDoor.answer = (request, response) => cache.answerAhead(request, response);
      // Errors raised by Fastify itself (body parsing, size, media type) need no handler here: Nest sets
      // Fastify's error handler at init, which hands them to the global filter (HttpErrorFilter), and
      // that words them with `classify` like any other. One set here was replaced at init, unused, and
      // made Fastify warn at every start (FSTWRN004, overriding an errorHandler in the same scope).
      // Built from the routes' own metadata; `npm run openapi` writes the same document to openapi.json.
      // Built on the first request for /docs (Swagger keeps it), not at every start, where it and
      // the JSON schemas it loads were a tenth of the gateway's boot.
      const controllers = app.get(RouteCatalog).controllers();
      const document = (): OpenAPIObject => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const openapi = require('./openapi/openapi-document') as typeof import('./openapi/openapi-document');
        return openapi.buildOpenApiDocument(controllers) as unknown as OpenAPIObject;
      };
      SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
    },
  });
}
