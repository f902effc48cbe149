import { randomUUID } from 'node:crypto';
import { createServiceDataSource, runMigrationsUnderLock } from '@ogp/persistence';
import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { commitmentFromCreated } from '../read-models/commitment-copy';
import { REPORTING_MIGRATIONS } from '../reporting.module';

export const TEST_TITLE = { ar: 'ا', fr: 'f', en: 'e' };

/** The reporting schema of the spec's isolation, migrated: for repository specs (no app, no NATS). */
export async function reportingDatabase(iso: TestIsolation): Promise<DataSource> {
  const db = createServiceDataSource({
    url: TEST_DATABASE_URL,
    schema: iso.schema('reporting'),
    entities: [],
    migrations: REPORTING_MIGRATIONS,
  });
  await db.initialize();
  await runMigrationsUnderLock(db, iso.schema('reporting'));
  return db;
}

/** A commitment's copy as its creation event gives it; activities (by id) due on 2026-06-30. */
export function commitmentCopy(
  c: { commitmentId?: string; planId?: string; programmeId?: string; activities?: string[] } = {},
) {
  return commitmentFromCreated({
    commitmentId: c.commitmentId ?? randomUUID(),
    planId: c.planId ?? randomUUID(),
    programmeId: c.programmeId ?? randomUUID(),
    leadInstitutionId: randomUUID(),
    number: 1,
    title: TEST_TITLE,
    areaId: randomUUID(),
    areaTitle: TEST_TITLE,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    activities: (c.activities ?? []).map((id) => ({ id, title: TEST_TITLE, endDate: '2026-06-30' })),
  });
}
