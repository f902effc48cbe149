import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@ogp/auth';
import { CommitmentsRpc, ErrorCode } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { AuthenticatedActor } from '../identity/jwt.strategy';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { LiveHub } from './live-hub';

/** The stream's description in the OpenAPI document. */
const STREAM_DESCRIPTION = [
  'بث مباشر (server-sent events) لتقدم الخطة بعد كل تقرير تقدم.',
  'Server-sent events: `event: progress`, `data:` the plan’s new figures (PlanProgressUpdate) after each progress report, `id:` to resume with Last-Event-ID;',
  'a comment every LIVE_HEARTBEAT_SECONDS; at most LIVE_MAX_PER_CLIENT open streams per IP (per account when signed in), 429 beyond.',
].join(' ');

/** Live progress of a plan: public, as the plan is. */
@ApiTags('plans')
@Controller()
export class LiveController {
  constructor(
    private readonly hub: LiveHub,
    private readonly rpc: NatsRpcClient,
  ) {}

  @Public()
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: STREAM_DESCRIPTION, schema: { type: 'string' } })
  @ApiErrors(ErrorCode.RATE_LIMITED)
  @Get('plans/:id/live')
  async planLive(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: FastifyRequest & { user?: AuthenticatedActor },
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const client = req.user ? `account:${req.user.id}` : `ip:${req.ip}`;
    this.hub.admit(client);
    // A plan with open streams here exists; another is looked up once (404 when there is none).
    if (!this.hub.watched(id)) await this.rpc.request(CommitmentsRpc.getPlan, { id });
    this.hub.admit(client);
    reply.hijack();
    const headers: OutgoingHttpHeaders = {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    };
    reply.raw.writeHead(200, headers);
    this.hub.attach(reply.raw, client, id, lastEventId(req.headers['last-event-id']));
  }
}

function lastEventId(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^\d{1,15}$/.test(value) ? Number(value) : null;
}
