import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldProblem } from './domain-error';

export const PROBLEM_TYPE_BASE = 'https://lodestar.dev/problems/';

export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'email must be an email' }) message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDto {
  @ApiProperty({ example: `${PROBLEM_TYPE_BASE}validation-failed` }) type: string;
  @ApiProperty({ example: 'Validation failed' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ example: '/api/users' }) instance?: string;
  @ApiPropertyOptional({ description: 'Request id, also in the X-Request-Id header' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) errors?: FieldProblemDto[];
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problem(status: number, code: string, detail?: string, errors?: FieldProblem[]): ProblemDto {
  return {
    type: PROBLEM_TYPE_BASE + code,
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}
