import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import { Client } from 'pg';

const SCRIPT = join(__dirname, '..', '..', 'dist', 'cli', 'create-admin.js');

describe('create-admin (the built command, real Postgres)', () => {
  const iso = new TestIsolation();
  let pg: Client;
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [SCRIPT], {
      env: { PATH: process.env.PATH ?? '', ...iso.env('gateway'), ...env },
      encoding: 'utf8',
      timeout: 60000,
    });

  beforeAll(async () => {
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await iso.cleanup();
  });

  it('refuses a weak password with the policy words, before touching the database', async () => {
    const res = run({ ADMIN_EMAIL: 'root@test.ma', ADMIN_PASSWORD: 'password1234' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('ADMIN_PASSWORD: This password is too common or too easy to guess.');
    const { rows } = await pg.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'users'`,
      [iso.schema('gateway')],
    );
    expect(rows[0].n).toBe(0);
  });

  it('creates the administrator once, then says it exists', async () => {
    const env = { ADMIN_EMAIL: 'root@test.ma', ADMIN_PASSWORD: 'a sturdy admin passphrase' };
    const first = run(env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('administrator root@test.ma: created');
    expect(run(env).stdout).toContain('administrator root@test.ma: exists');
    const { rows } = await pg.query(`SELECT roles FROM "${iso.schema('gateway')}".users WHERE email = 'root@test.ma'`);
    expect(rows).toEqual([{ roles: ['admin'] }]);
  });
});
