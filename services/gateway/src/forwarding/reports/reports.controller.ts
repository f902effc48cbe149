import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { ErrorCode, ReportingRpc, ReportRequestDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import type { FastifyReply } from 'fastify';
import { PageQueryDto } from '../../http/page-query.dto';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiFileResponse } from '../../openapi/api-file-response.decorator';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';
import { writeChunks } from '../write-chunks';

/** Reports: staff and the steering committee ask for one, anyone reads and downloads them (open data). */
@ApiTags('reports')
@ApiOperationPrefix('reporting')
@Controller('reports')
export class ReportsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION, 'committee_member')
  @Post()
  request(@Req() req: AuthedRequest, @Body() dto: ReportRequestDto) {
    return this.rpc.request(ReportingRpc.requestReport, dto, asActor(req));
  }
  @Public()
  @Get()
  list(@Query() page: PageQueryDto) {
    return this.rpc.request(ReportingRpc.listReports, { limit: page.limit, offset: page.offset });
  }
  @Public()
  @Get(':id')
  get(@Param('id', uuid()) id: string) {
    return this.rpc.request(ReportingRpc.getReport, { id });
  }

  /** Streams the stored file chunk by chunk: the gateway never holds a whole report. */
  @Public()
  @ApiFileResponse(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/csv',
    'application/json',
  )
  @ApiErrors(ErrorCode.CONFLICT)
  @Get(':id/download')
  async download(@Param('id', uuid()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const first = await this.rpc.request(ReportingRpc.reportChunk, { id, index: 0 });
    reply.raw.writeHead(200, {
      'content-type': first.contentType,
      'content-disposition': `attachment; filename="${first.fileName}"`,
      'x-content-type-options': 'nosniff',
    });
    await writeChunks(reply, first, (index) => this.rpc.request(ReportingRpc.reportChunk, { id, index }));
  }
}
