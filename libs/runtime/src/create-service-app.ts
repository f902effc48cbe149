import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { DynamicModule, ExceptionFilter, INestMicroservice, PipeTransform, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CustomTransportStrategy } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Header } from '@ogp/contracts';
import { FastifyBaseLogger, FastifyServerOptions, LogController } from 'fastify';
import type { Logger } from 'pino';
import { logProcessWarnings } from './logger';
import { PinoNestLogger } from './pino-nest.logger';
import { registerHttpObservability } from './tracing/http-observability';
import { cacheValidationMetadata } from './validation-metadata-cache';

export interface ServiceAppOptions {
  module: Type<unknown> | DynamicModule;
  logger: Logger;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  trustProxy?: boolean;
  /** Answers the router's own refusals (a URL that does not decode, a parameter too long). */
  frameworkErrors?: FastifyServerOptions['frameworkErrors'];
  /** The NATS transport, for services that answer requests. */
  microservice?: CustomTransportStrategy;
  /** Filters and pipes for both sides; the NATS side inherits them. */
  globalFilters?: ExceptionFilter[];
  globalPipes?: PipeTransform[];
  configureHttp?: (app: NestFastifyApplication) => void | Promise<void>;
  /**
   * Sees each HTTP request before Fastify does; `answer` (set once the app is built) returns true
   * when it has answered the request itself. The gateway's cached public reads go this way.
   */
  frontDoor?: FrontDoor;
}

export interface FrontDoor {
  answer?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

/**
 * Fastify builds its schema compilers (ajv and fast-json-stringify) when it is created: 28 ms of
 * the gateway's boot on the benchmark machine, and 1 to 3 MB of heap, for Fastify route schemas no
 * service declares (Nest validates with class-validator). Built on first use instead.
 */
type CompilerBuilder = (...args: unknown[]) => unknown;
function onFirstUse(selectorPackage: string): CompilerBuilder {
  let build: CompilerBuilder | undefined;
  return (...args) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    build ??= (require(selectorPackage) as () => CompilerBuilder)();
    return build(...args);
  };
}
export const lazySchemaCompilers = {
  compilersFactory: {
    buildValidator: onFirstUse('@fastify/ajv-compiler'),
    buildSerializer: onFirstUse('@fastify/fast-json-stringify-compiler'),
  },
};

type FastifyHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** Fastify's own HTTP/1 server (lib/server.js: same timeouts), with the front door ahead of its handler. */
function serverWithFrontDoor(front: FrontDoor) {
  return (handler: FastifyHandler, opts: Record<string, unknown>): Server => {
    const server = createServer((opts.http as object | undefined) ?? {}, (request, response) => {
      if (!front.answer?.(request, response)) handler(request, response);
    });
    server.keepAliveTimeout = opts.keepAliveTimeout as number;
    server.requestTimeout = opts.requestTimeout as number;
    server.setTimeout(opts.connectionTimeout as number);
    if ((opts.maxRequestsPerSocket as number) > 0) server.maxRequestsPerSocket = opts.maxRequestsPerSocket as number;
    return server;
  };
}

export interface ServiceApp {
  app: NestFastifyApplication;
  microservice?: INestMicroservice;
}

/**
 * Builds a service: a Fastify HTTP side (health, metrics, and the API for the gateway) and,
 * when given, the NATS side, both sharing one Nest container. Not yet listening on HTTP.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  logProcessWarnings(options.logger);
  cacheValidationMetadata();
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: Header.CORRELATION_ID,
    genReqId: () => randomUUID(),
    // Fastify's own messages (warnings included) go to the service's JSON logger, not plain text;
    // requests are logged once by registerHttpObservability, with their trace id.
    loggerInstance: options.logger.child({ component: 'fastify' }),
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request (pino's child() with redaction cost 2% of the gateway's CPU on
    // cached reads): request.log is the service logger, whose lines carry the correlation id anyway.
    childLoggerFactory: (logger: FastifyBaseLogger) => logger,
    schemaController: lazySchemaCompilers as FastifyServerOptions['schemaController'],
    ...(options.frameworkErrors ? { frameworkErrors: options.frameworkErrors } : {}),
    ...(options.frontDoor ? { serverFactory: serverWithFrontDoor(options.frontDoor) } : {}),
  });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  if (options.globalFilters?.length) app.useGlobalFilters(...options.globalFilters);
  if (options.globalPipes?.length) app.useGlobalPipes(...options.globalPipes);
  registerHttpObservability(app.getHttpAdapter().getInstance(), options.logger);
  await options.configureHttp?.(app);
  let microservice: INestMicroservice | undefined;
  if (options.microservice) {
    // Global filters and pipes must be in place before the microservice initialises, hence inherited.
    microservice = app.connectMicroservice({ strategy: options.microservice }, { inheritAppConfig: true });
  }
  await app.init();
  if (microservice) await app.startAllMicroservices();
  return { app, microservice };
}
