import { Injectable } from '@nestjs/common';
import { CommitmentSnapshot } from '@ogp/contracts';
import { DataSource } from 'typeorm';
import { snapshotLimit, toSnapshots } from './commitment-snapshot';
import { SnapshotRepository } from './snapshot.repository';

/** Commitments with their activities, page by page, for another service's read model rebuild. */
@Injectable()
export class SnapshotService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SnapshotRepository,
  ) {}

  async commitments(after: string | undefined, limit: number): Promise<CommitmentSnapshot[]> {
    const m = this.dataSource.manager;
    const rows = await this.repository.commitmentsAfter(m, after ?? null, snapshotLimit(limit));
    const activities = rows.length
      ? await this.repository.activitiesOf(
          m,
          rows.map((r) => r.id),
        )
      : [];
    return toSnapshots(rows, activities);
  }
}
