import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@ogp/auth';
import {
  ErrorCode,
  FeedsRpc,
  Language,
  OpenDataDataset,
  OpenDataDictionary,
  OpenDataFormat,
  OpenDataIndex,
  pickLanguage,
} from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { IsIn, IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ApiFileResponse } from '../openapi/api-file-response.decorator';
import { LanguageQueryDto } from './language-query.dto';

const PLAN_FILES = ['commitments', 'activities'].flatMap((d) => ['csv', 'json', 'xlsx'].map((f) => `${d}.${f}`));
const CYCLE_FILES = ['ideas', 'statistics'].flatMap((d) => ['csv', 'json', 'xlsx'].map((f) => `${d}.${f}`));

class PlanFileParams {
  @IsUUID()
  id: string;

  /** The dataset and its format. */
  @IsIn(PLAN_FILES)
  file: string;
}
class CycleFileParams {
  @IsUUID()
  id: string;

  /** The dataset and its format. */
  @IsIn(CYCLE_FILES)
  file: string;
}

const ATOM_FILES = ['ar.atom', 'fr.atom', 'en.atom'];

class AtomParams {
  /** The feed's language: ar.atom, fr.atom or en.atom. */
  @IsIn(ATOM_FILES)
  file: string;
}

/** `public, no-cache`: anyone may keep a copy but asks again (If-None-Match) before using it; a changed dataset answers anew. */
const OPEN_DATA_CACHE = 'public, no-cache';

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
    return this.rpc.request(FeedsRpc.openDataIndex, { language: q.lang ?? pickLanguage(accept) }, { timeoutMs: 60000 });
  }

  /** Each dataset's columns: identifier, type, label and description in Arabic, French and English. */
  @Public()
  @Get('dictionary')
  dictionary(@Res({ passthrough: true }) reply: FastifyReply): Promise<OpenDataDictionary> {
    void reply.header('cache-control', 'public, max-age=3600');
    return this.rpc.request(FeedsRpc.openDataDictionary, {});
  }

  @Public()
  @ApiFileResponse('text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors(ErrorCode.NOT_FOUND)
  @Get('plans/:id/:file')
  async planFile(
    @Param() p: PlanFileParams,
    @Query() q: LanguageQueryDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.send(p.id, p.file, q.lang ?? pickLanguage(headers['accept-language']), headers['if-none-match'], reply);
  }

  @Public()
  @ApiFileResponse('text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors(ErrorCode.NOT_FOUND)
  @Get('cycles/:id/:file')
  async cycleFile(
    @Param() p: CycleFileParams,
    @Query() q: LanguageQueryDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.send(p.id, p.file, q.lang ?? pickLanguage(headers['accept-language']), headers['if-none-match'], reply);
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
    const feed = await this.rpc.request(FeedsRpc.publicationsAtom, { language });
    const etag = `"${feed.version}"`;
    void reply.header('etag', etag).header('cache-control', OPEN_DATA_CACHE).header('content-language', language);
    if (matches(ifNoneMatch, etag)) return void reply.code(304).send();
    void reply
      .code(200)
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .send(feed.body);
  }

  /** 304 when the caller holds this version; else the file, chunk by chunk: the gateway never holds a whole file. */
  private async send(
    subjectId: string,
    file: string,
    language: Language,
    ifNoneMatch: string | undefined,
    reply: FastifyReply,
  ): Promise<void> {
    const [dataset, format] = file.split('.') as [OpenDataDataset, OpenDataFormat];
    const ask = { dataset, subjectId, format, language };
    const head = await this.rpc.request(FeedsRpc.openDataFile, ask, { timeoutMs: 60000 });
    const etag = `"${head.version}"`;
    const common = {
      etag,
      'cache-control': OPEN_DATA_CACHE,
      vary: 'accept-language',
      'last-modified': new Date(head.updatedAt).toUTCString(),
      'content-language': language,
    };
    if (matches(ifNoneMatch, etag)) {
      reply.raw.writeHead(304, common);
      reply.raw.end();
      return;
    }
    const first = await this.rpc.request(FeedsRpc.openDataChunk, { ...ask, version: head.version, index: 0 });
    reply.raw.writeHead(200, {
      ...common,
      'content-type': head.contentType,
      'content-length': String(head.size),
      'content-disposition': `attachment; filename="${head.fileName.replace(/[^\w.-]/g, '_')}"`,
      'x-content-type-options': 'nosniff',
    });
    reply.raw.write(Buffer.from(first.data, 'base64'));
    let last = first.last;
    for (let index = 1; !last; index++) {
      const chunk = await this.rpc.request(FeedsRpc.openDataChunk, { ...ask, version: head.version, index });
      if (!reply.raw.write(Buffer.from(chunk.data, 'base64'))) await new Promise((r) => reply.raw.once('drain', r));
      last = chunk.last;
    }
    reply.raw.end();
  }
}

/** If-None-Match names this version (weak or strong), or any. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return !!ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}
