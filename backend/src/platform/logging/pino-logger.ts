import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { Env } from '../config/env';
import { requestContext } from './request-context';

/** The process's one pino logger: Fastify logs requests through it, Nest through {@link NestPinoLogger}. */
export function createPinoLogger(env: Env): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { service: 'lodestar', mode: env.LODESTAR_MODE },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
  });
}

/**
 * Nest's LoggerService over pino. Nest passes `(message, ...params)` with the logger's context as the
 * last string; an object message becomes fields of the line, a second string its message (or, for
 * errors, the stack). Lines written while serving a request carry its `reqId`.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, params: unknown[]) {
    const rest = [...params];
    const context = rest.length && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const text = rest.filter((p): p is string => typeof p === 'string');
    const base = { context, reqId: requestContext.getStore()?.requestId };
    if (message instanceof Error) this.logger[level]({ ...base, err: message }, text[0] ?? message.message);
    else if (message && typeof message === 'object') this.logger[level]({ ...base, ...(message as object) }, text[0]);
    else this.logger[level]({ ...base, ...(text.length ? { trace: text.join('\n') } : {}) }, String(message));
  }
}
