import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@ogp/auth';
import { Language, OpenDataDictionary, OpenDataIndex, pickLanguage, ReportingRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import type { FastifyReply } from 'fastify';
import { ApiFileResponse } from '../../openapi/api-file-response.decorator';
import { LanguageQueryDto } from '../language-query.dto';
import { AtomParams } from './atom-params.dto';
import { CycleFileParams } from './cycle-file-params.dto';
import { etagMatches } from './etag-matches';
import { OpenDataFile } from './open-data-file.decorator';
import { OPEN_DATA_CACHE } from './open-data-cache.constant';
import { PlanFileParams } from './plan-file-params.dto';
import { sendOpenDataFile } from './send-open-data-file';

/** Open data anyone downloads without asking: stable URLs, ETags, a data dictionary. */
@ApiTags('open data')
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly rpc: NatsRpcClient) {}

  /** Every dataset with its files' URLs, sizes (in the language asked) and last change. */
  @Public()
  @Get()
  async index(
    @Query() q: LanguageQueryDto,
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenDataIndex> {
    void reply.header('cache-control', 'public, max-age=60').header('vary', 'accept-language');
    return this.rpc.request(
      ReportingRpc.openDataIndex,
      { language: q.lang ?? pickLanguage(accept) },
      { timeoutMs: 60000 },
    );
  }

  /** Each dataset's columns: identifier, type, label and description in Arabic, French and English. */
  @Public()
  @Get('dictionary')
  dictionary(@Res({ passthrough: true }) reply: FastifyReply): Promise<OpenDataDictionary> {
    void reply.header('cache-control', 'public, max-age=3600');
    return this.rpc.request(ReportingRpc.openDataDictionary, {});
  }

  @OpenDataFile()
  @Get('plans/:id/:file')
  async planFile(
    @Param() p: PlanFileParams,
    @Query() q: LanguageQueryDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendOpenDataFile(this.rpc, p, q.lang, headers, reply);
  }

  @OpenDataFile()
  @Get('cycles/:id/:file')
  async cycleFile(
    @Param() p: CycleFileParams,
    @Query() q: LanguageQueryDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendOpenDataFile(this.rpc, p, q.lang, headers, reply);
  }

  /** The latest publications (news, minutes, documents) as an Atom feed, one stable URL per language. */
  @Public()
  @ApiFileResponse('application/atom+xml')
  @Get('publications/:file')
  async publications(
    @Param() p: AtomParams,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const language = p.file.slice(0, 2) as Language;
    const feed = await this.rpc.request(ReportingRpc.publicationsAtom, { language });
    const etag = `"${feed.version}"`;
    void reply.header('etag', etag).header('cache-control', OPEN_DATA_CACHE).header('content-language', language);
    if (etagMatches(ifNoneMatch, etag)) return void reply.code(304).send();
    void reply
      .code(200)
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .send(feed.body);
  }
}
