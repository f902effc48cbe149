import { serviceInfoRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { freePort, SpawnedService, TEST_NATS_URL, TestIsolation } from '@ogp/testing';
import { connect, NatsConnection } from 'nats';

describe('commitments as real processes', () => {
  const iso = new TestIsolation();
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
  });

  afterAll(async () => {
    await nc?.close();
    await iso.cleanup();
  });

  it('two processes in the queue group "commitments" share the requests', async () => {
    const a = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()) }),
    ).start();
    const b = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()) }),
    ).start();
    try {
      // Both boot at once: the advisory lock lets one migrate while the other waits.
      await Promise.all([a.ready(), b.ready()]);
      const client = new NatsRpcClient(() => nc, iso.prefix, 5000);
      const answers = await Promise.all(
        Array.from({ length: 200 }, () => client.request(serviceInfoRpc('commitments'), {})),
      );
      const byPid = new Map<number, number>();
      for (const answer of answers) byPid.set(answer.pid, (byPid.get(answer.pid) ?? 0) + 1);
      expect([...byPid.keys()].sort()).toEqual([a.pid, b.pid].sort());
      for (const n of byPid.values()) expect(n).toBeGreaterThan(20);
      expect(answers[0].migrations).toEqual([
        'MessagingTables1732100000000',
        'Programmes1732100000200',
        'Plans1732100000500',
        'ProgrammeSettings1764583200000',
      ]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('a bad configuration stops the boot with a message naming the variable', async () => {
    const bad = new SpawnedService(
      'commitments',
      iso.env('commitments', {
        HTTP_PORT: String(await freePort()),
        NATS_URL: 'http://not-nats',
        DB_POOL_SIZE: 'lots',
      }),
    ).start();
    expect(await bad.waitForExit()).toBe(1);
    expect(bad.output).toContain('Invalid configuration');
    expect(bad.output).toContain('NATS_URL');
    expect(bad.output).toContain('DB_POOL_SIZE');
  });

  it('a secret is never printed, not even when it is invalid', async () => {
    const bad = new SpawnedService(
      'gateway',
      iso.env('gateway', { HTTP_PORT: String(await freePort()), JWT_SECRET: 'short-secret-value' }),
    ).start();
    expect(await bad.waitForExit()).toBe(1);
    expect(bad.output).toContain('JWT_SECRET');
    expect(bad.output).not.toContain('short-secret-value');
  });

  it('stops gracefully on SIGTERM with exit code 0', async () => {
    const s = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()) }),
    ).start();
    await s.ready();
    expect(await s.stop()).toBe(0);
  });
});
