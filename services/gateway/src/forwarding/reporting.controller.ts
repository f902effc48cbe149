import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@ogp/auth';
import {
  ALERT_KINDS,
  AlertSettingsDto,
  CommitmentsRpc,
  ErrorCode,
  IsOptional,
  NOTIFICATION_MODES,
  NotificationMode,
  NotificationsRpc2,
  ReportingRpc,
  ReportRequestDto,
} from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ALL_ROLES, STAFF_ROLES } from '../access/all-roles.constant';
import { PageQueryDto } from '../http/page-query.dto';
import { AuthenticatedActor } from '../identity/jwt.strategy';
import { ApiFileResponse } from '../openapi/api-file-response.decorator';
import { forwardedActor } from './forwarded-actor';

type Authed = { user?: AuthenticatedActor };

class AlertsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @IsOptional()
  @IsIn(ALERT_KINDS as readonly string[] as string[])
  kind?: string;
}
class PreferenceDto {
  @IsString()
  @Length(3, 100)
  type: string;

  @IsIn(NOTIFICATION_MODES as readonly string[] as string[])
  mode: NotificationMode;
}

/** Reports (open data), alerts and their settings, notification preferences, operations. */
@ApiTags('reports')
@Controller()
export class ReportingController {
  constructor(private readonly rpc: NatsRpcClient) {}

  private as(req: Authed) {
    return { actor: forwardedActor(req.user) };
  }

  @ApiBearerAuth()
  @Roles(...STAFF_ROLES, 'committee_member')
  @Post('reports')
  request(@Req() req: Authed, @Body() dto: ReportRequestDto) {
    return this.rpc.request(ReportingRpc.requestReport, dto, this.as(req));
  }
  @Public()
  @Get('reports')
  list(@Query() page: PageQueryDto) {
    return this.rpc.request(ReportingRpc.listReports, { limit: page.limit, offset: page.offset });
  }
  @Public()
  @Get('reports/:id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
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
  @Get('reports/:id/download')
  async download(@Param('id', new ParseUUIDPipe()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const first = await this.rpc.request(ReportingRpc.reportChunk, { id, index: 0 });
    reply.raw.writeHead(200, {
      'content-type': first.contentType,
      'content-disposition': `attachment; filename="${first.fileName}"`,
      'x-content-type-options': 'nosniff',
    });
    reply.raw.write(Buffer.from(first.data, 'base64'));
    let last = first.last;
    for (let index = 1; !last; index++) {
      const chunk = await this.rpc.request(ReportingRpc.reportChunk, { id, index });
      if (!reply.raw.write(Buffer.from(chunk.data, 'base64'))) await new Promise((r) => reply.raw.once('drain', r));
      last = chunk.last;
    }
    reply.raw.end();
  }

  @ApiBearerAuth()
  @Roles(...STAFF_ROLES, 'committee_member')
  @Get('alerts')
  alerts(@Req() req: Authed, @Query() q: AlertsQueryDto) {
    return this.rpc.request(ReportingRpc.listAlerts, q, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @Get('programmes/:id/alert-settings')
  readSettings(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) programmeId: string) {
    // The commitments service owns them and checks the programme and the scope.
    return this.rpc.request(CommitmentsRpc.getProgrammeSettings, { programmeId }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @Put('programmes/:id/alert-settings')
  settings(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) programmeId: string, @Body() dto: AlertSettingsDto) {
    // The commitments service owns a programme's settings: it checks the programme, the scope and the shape again.
    return this.rpc.request(CommitmentsRpc.setProgrammeSettings, { programmeId, settings: dto }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @Post('admin/sweeps/:kind')
  sweep(@Req() req: Authed, @Param('kind') kind: string) {
    return this.rpc.request(ReportingRpc.runSweep, { kind: kind as 'overdue' }, { ...this.as(req), timeoutMs: 120000 });
  }
  @ApiBearerAuth()
  @Roles('admin')
  @Get('admin/jobs')
  jobs(@Req() req: Authed) {
    return this.rpc.request(ReportingRpc.jobs, {}, this.as(req));
  }
  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(200)
  @Post('admin/read-models/rebuild')
  rebuild(@Req() req: Authed) {
    return this.rpc.request(ReportingRpc.rebuild, {}, { ...this.as(req), timeoutMs: 300000 });
  }
  @ApiBearerAuth()
  @Roles('admin')
  @Get('admin/dead-letters')
  deadLetters(@Req() req: Authed, @Query() page: PageQueryDto) {
    return this.rpc.request(NotificationsRpc2.deadLetters, { limit: page.limit, offset: page.offset }, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @Get('me/notification-preferences')
  preferences(@Req() req: Authed) {
    return this.rpc.request(NotificationsRpc2.preferences, {}, this.as(req));
  }
  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @Put('me/notification-preferences')
  setPreference(@Req() req: Authed, @Body() dto: PreferenceDto) {
    return this.rpc.request(NotificationsRpc2.setPreference, dto, this.as(req));
  }
}
