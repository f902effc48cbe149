import { randomUUID } from 'node:crypto';
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
    ...(options.frameworkErrors ? { frameworkErrors: options.frameworkErrors } : {}),
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
