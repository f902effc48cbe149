import { Language, OpenDataDataset, OpenDataFormat, pickLanguage, ReportingRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import type { FastifyReply } from 'fastify';
import { writeChunks } from '../write-chunks';
import { etagMatches } from './etag-matches';
import { OPEN_DATA_CACHE } from './open-data-cache.constant';

/** 304 when the caller holds this version; else the file, chunk by chunk: the gateway never holds a whole file. */
export async function sendOpenDataFile(
  rpc: NatsRpcClient,
  { id: subjectId, file }: { id: string; file: string },
  lang: Language | undefined,
  headers: Record<string, string | undefined>,
  reply: FastifyReply,
): Promise<void> {
  // ?lang= wins over Accept-Language.
  const language = lang ?? pickLanguage(headers['accept-language']);
  const ifNoneMatch = headers['if-none-match'];
  const [dataset, format] = file.split('.') as [OpenDataDataset, OpenDataFormat];
  const ask = { dataset, subjectId, format, language };
  const head = await rpc.request(ReportingRpc.openDataFile, ask, { timeoutMs: 60000 });
  const etag = `"${head.version}"`;
  const common = {
    etag,
    'cache-control': OPEN_DATA_CACHE,
    vary: 'accept-language',
    'last-modified': new Date(head.updatedAt).toUTCString(),
    'content-language': language,
  };
  if (etagMatches(ifNoneMatch, etag)) {
    reply.raw.writeHead(304, common);
    reply.raw.end();
    return;
  }
  const first = await rpc.request(ReportingRpc.openDataChunk, { ...ask, version: head.version, index: 0 });
  reply.raw.writeHead(200, {
    ...common,
    'content-type': head.contentType,
    'content-length': String(head.size),
    'content-disposition': `attachment; filename="${head.fileName.replace(/[^\w.-]/g, '_')}"`,
    'x-content-type-options': 'nosniff',
  });
  await writeChunks(reply, first, (index) =>
    rpc.request(ReportingRpc.openDataChunk, { ...ask, version: head.version, index }),
  );
}
