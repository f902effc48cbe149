import { Writable } from 'node:stream';
import type { ReportsRepository } from './reports.repository';

export const CHUNK_BYTES = 256 * 1024;

/**
 * A writable stream that stores a report in 256 KB rows as it is produced, so generating a large
 * export holds at most one chunk in memory, and downloads can be served chunk by chunk.
 */
export class ChunkWriter extends Writable {
  private buffer: Buffer[] = [];
  private buffered = 0;
  private index = 0;
  size = 0;

  constructor(
    private readonly reports: Pick<ReportsRepository, 'addChunk'>,
    private readonly reportId: string,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.buffer.push(chunk);
    this.buffered += chunk.length;
    this.size += chunk.length;
    if (this.buffered < CHUNK_BYTES) return callback();
    this.flushChunk().then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flushChunk().then(() => callback(), callback);
  }

  private async flushChunk(): Promise<void> {
    if (this.buffered === 0) return;
    const data = Buffer.concat(this.buffer);
    this.buffer = [];
    this.buffered = 0;
    await this.reports.addChunk(this.reportId, this.index++, data);
  }
}
