import { IsInt, Min } from 'class-validator';
import { BaseServiceConfig } from './base-service.config';
import { ConfigError, loadConfig, printableConfig, Secret } from './config';

class SampleConfig extends BaseServiceConfig {
  override DB_SCHEMA = 'sample';

  @Secret()
  @Min(0)
  @IsInt()
  SECRET_NUMBER = 1;
}

describe('loadConfig', () => {
  it('applies defaults and reads numbers from the environment', () => {
    const config = loadConfig(SampleConfig, { HTTP_PORT: '8080', DB_POOL_SIZE: '7' });
    expect(config.HTTP_PORT).toBe(8080);
    expect(config.DB_POOL_SIZE).toBe(7);
    expect(config.DB_SCHEMA).toBe('sample');
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('names every bad variable in one readable error', () => {
    let error: unknown;
    try {
      loadConfig(SampleConfig, { NATS_URL: 'http://x', HTTP_PORT: 'eighty', DB_SCHEMA: 'Drop Table' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('NATS_URL = "http://x"');
    expect(message).toContain('HTTP_PORT');
    expect(message).toContain('DB_SCHEMA');
  });

  it('withholds the value of a secret, in errors and in printable copies', () => {
    expect(() => loadConfig(SampleConfig, { SECRET_NUMBER: '-5' })).toThrow(/SECRET_NUMBER = \(secret withheld\)/);
    const printable = printableConfig(
      loadConfig(SampleConfig, { SECRET_NUMBER: '42', DATABASE_URL: 'postgres://u:p@h/db' }),
    );
    expect(printable.SECRET_NUMBER).toBe('[secret]');
    expect(printable.DATABASE_URL).toBe('[secret]');
  });
});
