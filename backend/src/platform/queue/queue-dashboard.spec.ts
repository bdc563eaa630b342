import { loadEnv } from '../config/env';
import { operatorAuth } from './queue-dashboard';

function fakeReply() {
  const reply = {
    statusCode: 200,
    headers: {} as Record<string, string>,
    sent: undefined as unknown,
    status(code: number) {
      reply.statusCode = code;
      return reply;
    },
    header(name: string, value: string) {
      reply.headers[name] = value;
      return reply;
    },
    async send(body: unknown) {
      reply.sent = body;
      return reply;
    },
  };
  return reply;
}

describe('queue dashboard operator auth', () => {
  const check = operatorAuth(loadEnv({ QUEUE_DASHBOARD_USER: 'ops', QUEUE_DASHBOARD_PASSWORD: 'operator-secret-1' }));
  const basic = (credentials: string) => ({ headers: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` } });

  it('lets the operator through', async () => {
    const reply = fakeReply();
    await check(basic('ops:operator-secret-1') as never, reply as never);
    expect(reply.statusCode).toBe(200);
    expect(reply.sent).toBeUndefined();
  });

  it.each([['ops:wrong-password'], ['someone:operator-secret-1'], ['']])('refuses %j with a basic-auth challenge', async (credentials) => {
    const reply = fakeReply();
    await check((credentials ? basic(credentials) : { headers: {} }) as never, reply as never);
    expect(reply.statusCode).toBe(401);
    expect(reply.headers['www-authenticate']).toContain('Basic');
  });
});
