import type { FastifyReply } from 'fastify';

/** One piece of a file a service sends in pieces (base64), the last one marked. */
export interface FileChunk {
  data: string;
  last: boolean;
}

/**
 * Writes a file that arrives chunk by chunk, after its head is written, waiting whenever the socket
 * is full: the gateway never holds a whole file.
 */
export async function writeChunks(
  reply: FastifyReply,
  first: FileChunk,
  next: (index: number) => Promise<FileChunk>,
): Promise<void> {
  reply.raw.write(Buffer.from(first.data, 'base64'));
  let last = first.last;
  for (let index = 1; !last; index++) {
    const chunk = await next(index);
    if (!reply.raw.write(Buffer.from(chunk.data, 'base64'))) await new Promise((r) => reply.raw.once('drain', r));
    last = chunk.last;
  }
  reply.raw.end();
}
