import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { Env } from '../config/env';

/** The process's one pino logger: Fastify logs requests through it, Nest through {@link NestPinoLogger}. */
export function createPinoLogger(env: Env): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { service: 'lodestar', mode: env.LODESTAR_MODE },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
  });
}

/** Nest's LoggerService over pino: JSON lines with the Nest context as `context`. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: string, trace?: string) {
    if (message && typeof message === 'object') this.logger[level]({ context, trace, ...(message as object) });
    else this.logger[level]({ context, trace }, String(message));
  }
}
