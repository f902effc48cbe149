import { TEST_DATABASE_URL } from '@ogp/testing';
import { Client } from 'pg';
import { TIME_ORDERED_UUID_SQL } from './time-ordered-uuid';

describe('TIME_ORDERED_UUID_SQL (real Postgres)', () => {
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  beforeAll(() => pg.connect());
  afterAll(() => pg.end());

  it('makes version 7 UUIDs: the time in milliseconds first, the RFC variant, distinct ids', async () => {
    const before = Date.now();
    const { rows } = await pg.query<{ id: string }>(
      `SELECT ${TIME_ORDERED_UUID_SQL}::text AS id FROM generate_series(1, 2000)`,
    );
    const after = Date.now();
    expect(new Set(rows.map((r) => r.id)).size).toBe(2000);
    for (const { id } of rows) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(ms).toBeGreaterThanOrEqual(before - 1000); // the database's clock, give or take
      expect(ms).toBeLessThanOrEqual(after + 1000);
    }
  });

  it('orders ids made a millisecond or more apart by time', async () => {
    const first = (await pg.query<{ id: string }>(`SELECT ${TIME_ORDERED_UUID_SQL}::text AS id`)).rows[0].id;
    await new Promise((r) => setTimeout(r, 5));
    const second = (await pg.query<{ id: string }>(`SELECT ${TIME_ORDERED_UUID_SQL}::text AS id`)).rows[0].id;
    expect(second > first).toBe(true);
  });
});
