import { checkPostgres, checkRedis, StartupError } from './connectivity';

describe('start-up connectivity checks', () => {
  it('says PostgreSQL cannot be reached, where it looked and how to start one', async () => {
    const error = await checkPostgres('postgres://postgres:secret@127.0.0.1:1/lodestar').catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toContain('Cannot reach PostgreSQL at postgres://postgres:***@127.0.0.1:1/lodestar');
    expect(error.message).toContain('docker compose -f docker/docker-compose.yml up -d postgres');
    expect(error.message).not.toContain('secret');
  });

  it('says Redis cannot be reached, where it looked and how to start one', async () => {
    const error = await checkRedis('redis://127.0.0.1:1').catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toContain('Cannot reach Redis at redis://127.0.0.1:1');
    expect(error.message).toContain('redis-server');
  });

  it('passes against the machine services', async () => {
    await expect(checkPostgres('postgres://postgres@127.0.0.1:5432/postgres')).resolves.toBeUndefined();
    await expect(checkRedis('redis://127.0.0.1:6379')).resolves.toBeUndefined();
  });
});
