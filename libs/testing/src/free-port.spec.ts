import { createServer } from 'node:net';
import { freePort } from './spawned-service';

describe('freePort', () => {
  it('hands out a port once per process, from the range of this Jest worker, free to listen on', async () => {
    const worker = Number(process.env.JEST_WORKER_ID);
    const first = 10000 + ((worker - 1) % 10) * 2000;
    const ports = [];
    for (let i = 0; i < 60; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(60);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(first);
      expect(port).toBeLessThan(first + 2000);
    }
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(ports[0], '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
  });
});
