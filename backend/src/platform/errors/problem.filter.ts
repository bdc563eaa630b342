/// <reference types="@fastify/static" />
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { problem, ProblemDto } from './problem';

/** `/api` as a whole path segment: `/api-keys` is a console page, `/api/keys` an API path. */
const API_PATH = /^\/api(\/|\?|$)/;

const HTTP_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
};

/** Turns every error into RFC 9457 problem+json; unknown errors become a logged 500 without internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  /** @param consoleRoot folder of the built console; unknown non-API GETs then get its `index.html`. */
  constructor(private readonly consoleRoot?: string) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (this.consoleRoot && error instanceof NotFoundException && request.method === 'GET' && !API_PATH.test(request.url)) {
      void reply.type('text/html; charset=utf-8').sendFile('index.html', this.consoleRoot);
      return;
    }
    const body = this.toProblem(error);
    body.instance = request.url?.split('?')[0];
    body.requestId = String(request.id);
    if (body.status >= 500) this.logger.error({ err: error, requestId: request.id }, 'Unhandled error');
    reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
  }

  private toProblem(error: unknown): ProblemDto {
    if (error instanceof DomainError) return problem(error.status, error.code, error.message, error.errors);
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return problem(status, HTTP_CODES[status] ?? 'http-error', error.message);
    }
    const fastifyError = error as { statusCode?: number; code?: string; message?: string };
    if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const status = fastifyError.statusCode;
      return problem(status, HTTP_CODES[status] ?? 'bad-request', fastifyError.message);
    }
    return problem(500, 'internal-error', 'An unexpected error occurred');
  }
}
