import { DataSource } from 'typeorm';

/** The gateway's events not yet relayed to JetStream (the outbox table of libs/messaging). */
export class OutboxBacklogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async unpublished(): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
    );
    return n;
  }
}
