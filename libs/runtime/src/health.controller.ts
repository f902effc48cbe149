import { Controller, Get, Res } from '@nestjs/common';
import { Public } from '@ogp/auth';
import type { FastifyReply } from 'fastify';
import { register } from 'prom-client';
import { HealthRegistry } from './health.registry';

@Controller()
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** Liveness: the process answers. */
  @Public()
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: every server this service depends on answers. */
  @Public()
  @Get('health/ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const result = await this.registry.check();
    await reply.status(result.ready ? 200 : 503).send({ status: result.ready ? 'ready' : 'not ready', checks: result.checks });
  }

  @Public()
  @Get('metrics')
  async metrics(@Res() reply: FastifyReply): Promise<void> {
    await reply.header('content-type', register.contentType).send(await register.metrics());
  }
}
