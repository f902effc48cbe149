import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { GatewayDatabase } from '../testing/gateway-database.fixture';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';

/** Password reset links, against the real Postgres. */
describe('PasswordResetTokensRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let gateway: GatewayDatabase;
  let db: DataSource;
  let links: PasswordResetTokensRepository;
  const NOW = new Date('2026-03-01T10:00:00Z');
  const LATER = new Date('2026-03-01T10:05:00Z');

  const person = async () => (await gateway.account()).id;
  const link = async (userId: string, tokenHash: string) => {
    const id = randomUUID();
    const expiresAt = new Date(NOW.getTime() + 30 * 60_000);
    await db.transaction((m) => links.add(m, { id, userId, tokenHash, createdAt: NOW, expiresAt }));
    return id;
  };
  const byHash = (hash: string) => db.transaction((m) => links.lockByHash(m, hash));

  beforeAll(async () => {
    gateway = await GatewayDatabase.start(iso);
    db = gateway.db;
    links = gateway.get(PasswordResetTokensRepository);
  });

  afterAll(() => gateway?.stop(iso));

  it('finds a link by its token hash only', async () => {
    const userId = await person();
    const id = await link(userId, 'hash-a');
    expect(await byHash('hash-a')).toMatchObject({ id, user_id: userId, used_at: null, invalidated_at: null });
    expect(await byHash('hash-unknown')).toBeUndefined();
  });

  it("invalidates the account's open links only: a used one stays used, another account's stays open", async () => {
    const userId = await person();
    const used = await link(userId, 'hash-used');
    await link(userId, 'hash-open');
    const stranger = await person();
    await link(stranger, 'hash-stranger');
    await db.transaction((m) => links.markUsed(m, used, NOW));
    await db.transaction((m) => links.invalidateOpen(m, userId, LATER));
    expect(await byHash('hash-used')).toMatchObject({ used_at: NOW, invalidated_at: null });
    expect(await byHash('hash-open')).toMatchObject({ used_at: null, invalidated_at: LATER });
    expect(await byHash('hash-stranger')).toMatchObject({ used_at: null, invalidated_at: null });
  });
});
