import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { refreshTokens } from './token-refresh';

describe('refreshTokens', () => {
  let server: Server;
  let url = '';
  let calls = 0;
  let status = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      calls++;
      let body = '';
      req
        .on('data', (d) => (body += d))
        .on('end', () => {
          // A slow gateway, so concurrent callers overlap.
          setTimeout(() => {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(
              status === 200
                ? JSON.stringify({
                    accessToken: 'a2',
                    refreshToken: `r2-${JSON.parse(body).refreshToken}`,
                    tokenType: 'Bearer',
                    expiresIn: 900,
                  })
                : '{}',
            );
          }, 50);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('spends a refresh token once even when requests race, and shares the new pair', async () => {
    calls = 0;
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => refreshTokens(url, 'r1')));
    expect(calls).toBe(1);
    for (const o of outcomes)
      expect(o).toEqual({ ok: true, tokens: expect.objectContaining({ refreshToken: 'r2-r1' }) });
  });

  it('a refused token is final; an unreachable gateway is not', async () => {
    status = 401;
    await expect(refreshTokens(url, 'revoked')).resolves.toEqual({ ok: false, final: true });
    await expect(refreshTokens('http://127.0.0.1:9', 'any')).resolves.toEqual({ ok: false, final: false });
    status = 200;
  });
});
