import { randomUUID } from 'node:crypto';
import { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CustomTransportStrategy } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Header } from '@ogp/contracts';
import type { Logger } from 'pino';
import { PinoNestLogger } from './pino-nest.logger';

export interface ServiceAppOptions {
  module: Type<unknown> | DynamicModule;
  logger: Logger;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** The NATS transport, for services that answer requests. */
  microservice?: CustomTransportStrategy;
  configureMicroservice?: (microservice: INestMicroservice) => void;
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
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: true,
    requestIdHeader: Header.CORRELATION_ID,
    genReqId: () => randomUUID(),
    disableRequestLogging: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  await options.configureHttp?.(app);
  let microservice: INestMicroservice | undefined;
  if (options.microservice) {
    microservice = app.connectMicroservice({ strategy: options.microservice }, { inheritAppConfig: false });
    options.configureMicroservice?.(microservice);
  }
  await app.init();
  if (microservice) await app.startAllMicroservices();
  return { app, microservice };
}
