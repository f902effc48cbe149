import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from './openapi-metadata';
import { Public } from '@ogp/auth';
import type { FastifyReply } from 'fastify';
import { register } from 'prom-client';
import { HealthRegistry } from './health.registry';

const READINESS_SCHEMA = {
  type: 'object',
  required: ['status', 'checks'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['ready', 'not ready'] },
    checks: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** Liveness: the process answers. */
  @Public()
  @ApiResponse({
    status: 200,
    description: 'The process answers.',
    schema: {
      type: 'object',
      required: ['status'],
      additionalProperties: false,
      properties: { status: { type: 'string', enum: ['ok'] } },
    },
  })
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: every server this service depends on answers. */
  @Public()
  @ApiResponse({ status: 200, description: 'Every server this service depends on answers.', schema: READINESS_SCHEMA })
  @ApiResponse({
    status: 503,
    description: 'A server this service depends on does not answer.',
    schema: READINESS_SCHEMA,
  })
  @Get('health/ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const result = await this.registry.check();
    await reply
      .status(result.ready ? 200 : 503)
      .send({ status: result.ready ? 'ready' : 'not ready', checks: result.checks });
  }
}

/** Prometheus metrics on the service's HTTP port (internal services; the gateway serves them on a port of their own). */
@ApiTags('operations')
@Controller()
export class MetricsController {
  @Public()
  @ApiProduces('text/plain')
  @ApiResponse({
    status: 200,
    description: 'Prometheus metrics, in the text exposition format.',
    schema: { type: 'string' },
  })
  @Get('metrics')
  async metrics(@Res() reply: FastifyReply): Promise<void> {
    await reply.header('content-type', register.contentType).send(await register.metrics());
  }
}
