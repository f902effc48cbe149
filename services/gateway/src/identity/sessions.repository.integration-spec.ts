import { randomUUID } from 'node:crypto';
import { TestIsolation } from '@ogp/testing';
import { DataSource } from 'typeorm';
import { GatewayDatabase } from '../testing/gateway-database.fixture';
import { SessionsRepository } from './sessions.repository';

/** Sessions and refresh tokens, against the real Postgres. */
describe('SessionsRepository (real Postgres)', () => {
  const iso = new TestIsolation();
  let gateway: GatewayDatabase;
  let db: DataSource;
  let sessions: SessionsRepository;

  const person = async () => (await gateway.account()).id;
  const session = async (userId: string) => {
    const id = randomUUID();
    await db.transaction((m) => sessions.open(m, id, userId));
    return id;
  };
  const reason = async (sessionId: string) =>
    (
      await db.query<{ revoked_reason: string | null }[]>(`SELECT revoked_reason FROM sessions WHERE id = $1`, [
        sessionId,
      ])
    )[0].revoked_reason;

  beforeAll(async () => {
    gateway = await GatewayDatabase.start(iso);
    db = gateway.db;
    sessions = gateway.get(SessionsRepository);
  });

  afterAll(() => gateway?.stop(iso));

  it('reads a refresh token with its session and account, marks it used, and knows no other token', async () => {
    const userId = await person();
    const sessionId = await session(userId);
    const tokenId = randomUUID();
    const expiresAt = new Date(Date.now() + 86_400_000);
    await db.transaction((m) => sessions.addRefreshToken(m, { id: tokenId, sessionId, tokenHash: 'ab12', expiresAt }));
    const row = await db.transaction((m) => sessions.lockRefreshToken(m, tokenId));
    expect(row).toMatchObject({
      id: tokenId,
      session_id: sessionId,
      user_id: userId,
      token_hash: 'ab12',
      used_at: null,
      revoked_at: null,
    });
    expect(new Date(row!.expires_at).getTime()).toBe(expiresAt.getTime());
    await db.transaction((m) => sessions.markRefreshTokenUsed(m, tokenId));
    expect((await db.transaction((m) => sessions.lockRefreshToken(m, tokenId)))?.used_at).toBeInstanceOf(Date);
    expect(await db.transaction((m) => sessions.lockRefreshToken(m, randomUUID()))).toBeUndefined();
  });

  it('a session is live while open and its account active; revoking keeps the first reason', async () => {
    const userId = await person();
    const sessionId = await session(userId);
    expect(await sessions.isLive(sessionId, userId)).toBe(true);
    expect(await sessions.isLive(sessionId, await person())).toBe(false);
    await sessions.revoke(sessionId, 'logout');
    await sessions.revoke(sessionId, 'refresh token reused');
    expect(await sessions.isLive(sessionId, userId)).toBe(false);
    expect(await reason(sessionId)).toBe('logout');

    const other = await session(userId);
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [userId]);
    expect(await sessions.isLive(other, userId)).toBe(false);
  });

  it("ends every open session of an account but the one kept, and leaves other accounts' alone", async () => {
    const userId = await person();
    const [kept, ended, already] = [await session(userId), await session(userId), await session(userId)];
    const stranger = await person();
    const theirs = await session(stranger);
    await sessions.revoke(already, 'logout');
    await db.transaction((m) => sessions.revokeAllOf(m, userId, 'password changed', kept));
    expect(await sessions.isLive(kept, userId)).toBe(true);
    expect(await reason(ended)).toBe('password changed');
    expect(await reason(already)).toBe('logout');
    expect(await sessions.isLive(theirs, stranger)).toBe(true);

    await db.transaction((m) => sessions.revokeAllOf(m, userId, 'deactivated'));
    expect(await reason(kept)).toBe('deactivated');
  });
});
