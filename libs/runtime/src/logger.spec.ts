import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logger';
import { requestContext } from './request-context';

describe('structured logs', () => {
  function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        chunks.push(chunk.toString());
        cb();
      },
    });
    const logger = pino(
      {
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        mixin: () => {
          const store = requestContext.getStore();
          return store ? { correlationId: store.correlationId } : {};
        },
      },
      stream,
    );
    return {
      logger,
      lines: () =>
        chunks
          .join('')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
    };
  }

  it('never writes passwords, tokens or e-mail addresses', () => {
    const { logger, lines } = capture();
    logger.info(
      { password: 'hunter22', user: { email: 'amina@example.ma', token: 'abc' }, refreshToken: 'r' },
      'login',
    );
    const text = JSON.stringify(lines());
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('amina@example.ma');
    expect(text).not.toContain('"abc"');
    expect(lines()[0].password).toBe('[redacted]');
  });

  it('stamps the correlation id of the request on every line', () => {
    const { logger, lines } = capture();
    requestContext.run({ correlationId: 'corr-42' }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines()[0].correlationId).toBe('corr-42');
    expect(lines()[1].correlationId).toBeUndefined();
  });
});
