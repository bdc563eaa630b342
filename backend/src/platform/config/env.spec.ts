import { ConfigError, loadEnv } from './env';

describe('loadEnv', () => {
  it('applies defaults for a bare environment', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/lodestar');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.LODESTAR_MODE).toBe('all');
    expect(env.EMAIL_TRANSPORT).toBe('sandbox');
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('derives the public address from the port unless it is set', () => {
    expect(loadEnv({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadEnv({ PORT: '8080', PUBLIC_URL: 'https://lodestar.example.com' }).PUBLIC_URL).toBe('https://lodestar.example.com');
  });

  it('converts numbers and booleans', () => {
    const env = loadEnv({ PORT: '8080', MIGRATE_ON_START: 'false', JWT_ACCESS_TTL_SECONDS: '600' });
    expect(env.PORT).toBe(8080);
    expect(env.MIGRATE_ON_START).toBe(false);
    expect(env.JWT_ACCESS_TTL_SECONDS).toBe(600);
  });

  it('names every invalid variable in one message', () => {
    expect(() => loadEnv({ PORT: 'eighty', LODESTAR_MODE: 'both' })).toThrow(ConfigError);
    try {
      loadEnv({ PORT: 'eighty', LODESTAR_MODE: 'both' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/LODESTAR_MODE/);
    }
  });

  it('refuses production without a JWT secret, and a short secret anywhere', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required in production/);
    expect(() => loadEnv({ JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('requires the settings of the chosen email transport', () => {
    expect(() => loadEnv({ EMAIL_TRANSPORT: 'sendgrid' })).toThrow(/SENDGRID_API_KEY/);
    expect(() => loadEnv({ EMAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
  });
});
