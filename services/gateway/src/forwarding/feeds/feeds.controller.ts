import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@ogp/auth';
import { CalendarFile, ErrorCode, pickLanguage, ReportingRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import type { FastifyReply } from 'fastify';
import { CalendarFeedsService } from '../../calendar-feeds/calendar-feeds.service';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiFileResponse } from '../../openapi/api-file-response.decorator';
import { LanguageQueryDto } from '../language-query.dto';

const CALENDAR = 'text/calendar; charset=utf-8';

/** Calendars (iCalendar) anyone can subscribe to, and the private personal feed reached by its token alone. */
@ApiTags('calendars')
@Controller()
export class FeedsController {
  constructor(
    private readonly rpc: NatsRpcClient,
    private readonly feeds: CalendarFeedsService,
  ) {}

  @Public()
  @ApiFileResponse('text/calendar')
  @ApiErrors(ErrorCode.NOT_FOUND)
  @Get('calendars/plans/:id/deadlines.ics')
  async planCalendar(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: LanguageQueryDto,
    @Headers('accept-language') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.rpc.request(ReportingRpc.planCalendar, { id, language: q.lang ?? pickLanguage(accept) });
    sendCalendar(reply, file, 'public, max-age=900');
  }

  @Public()
  @ApiFileResponse('text/calendar')
  @ApiErrors(ErrorCode.NOT_FOUND)
  @Get('calendars/cycles/:id/events.ics')
  async cycleCalendar(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: LanguageQueryDto,
    @Headers('accept-language') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.rpc.request(ReportingRpc.cycleCalendar, { id, language: q.lang ?? pickLanguage(accept) });
    sendCalendar(reply, file, 'public, max-age=900');
  }

  /** No session: calendar apps cannot log in. The token is the key; a revoked or unknown one is 404. */
  @Public()
  @ApiFileResponse('text/calendar')
  @ApiErrors(ErrorCode.NOT_FOUND)
  @Get('calendars/personal/:token/deadlines.ics')
  async personalCalendar(
    @Param('token') token: string,
    @Query() q: LanguageQueryDto,
    @Headers('accept-language') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const actor = await this.feeds.actor(token);
    const language = q.lang ?? (accept ? pickLanguage(accept) : actor.language);
    const file = await this.rpc.request(ReportingRpc.personalCalendar, { language }, { actor });
    // The link is a credential: no shared cache keeps what it opens.
    sendCalendar(reply, file, 'private, no-store');
  }
}

function sendCalendar(reply: FastifyReply, file: CalendarFile, cacheControl: string): void {
  void reply
    .code(200)
    .header('content-type', CALENDAR)
    .header('content-disposition', `inline; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}
