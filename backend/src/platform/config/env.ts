import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

export type RunMode = 'all' | 'api' | 'worker';
export type EmailTransportName = 'sandbox' | 'sendgrid' | 'smtp';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/**
 * Every setting Lodestar reads from the environment, validated once at start-up.
 * Nothing else in the code base reads `process.env`.
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(['all', 'api', 'worker'])
  LODESTAR_MODE: RunMode = 'all';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/lodestar';

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsOptional() @IsString()
  QUEUE_PREFIX?: string;

  /** Run pending migrations when the process starts (default: on in `all` mode). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  MIGRATE_ON_START?: boolean;

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  JWT_ISSUER = 'lodestar';

  @IsString()
  JWT_AUDIENCE = 'lodestar-api';

  @Transform(toInt) @IsInt() @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(300)
  JWT_REFRESH_TTL_SECONDS = 1_209_600;

  /** Where a generated development secret is kept between restarts. */
  @IsString()
  LODESTAR_DATA_DIR = '.lodestar';

  @IsOptional() @IsString()
  LODESTAR_OWNER_EMAIL?: string;

  @IsOptional() @IsString() @MinLength(12, { message: 'LODESTAR_OWNER_PASSWORD must be at least 12 characters' })
  LODESTAR_OWNER_PASSWORD?: string;

  @IsString()
  LODESTAR_WORKSPACE_NAME = 'Demo workspace';

  /** Public address of the console, used in emailed links. Default: http://localhost:<PORT>. */
  @IsString()
  PUBLIC_URL: string;

  /** Comma-separated origins allowed by CORS (the console served by this process needs none). */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInt) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  /** Body limit of the bulk ingestion routes (`/api/ingest/*`), whose batches of 1,000 items outgrow BODY_LIMIT_BYTES. */
  @Transform(toInt) @IsInt() @Min(1024)
  INGEST_BODY_LIMIT_BYTES = 16_777_216;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_ATTEMPTS = 5;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_LOCKOUT_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  @IsIn(['sandbox', 'sendgrid', 'smtp'])
  EMAIL_TRANSPORT: EmailTransportName = 'sandbox';

  @IsString()
  EMAIL_FROM = 'Lodestar <no-reply@lodestar.local>';

  @IsOptional() @IsString()
  SENDGRID_API_KEY?: string;

  /** Override of SendGrid's API host, for tests against a local server that speaks its wire format. */
  @IsOptional() @IsString()
  SENDGRID_API_URL?: string;

  @IsOptional() @IsString()
  SMTP_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Operator login of the queue dashboard at /api/queues. */
  @IsString()
  QUEUE_DASHBOARD_USER = 'operator';

  /** Enables the queue dashboard (bull-board) at /api/queues behind HTTP basic auth. */
  @IsOptional() @IsString() @MinLength(12, { message: 'QUEUE_DASHBOARD_PASSWORD must be at least 12 characters' })
  QUEUE_DASHBOARD_PASSWORD?: string;

  /**
   * Where uploaded import files and export files are kept. API and worker processes must share it
   * (one volume in containers). Relative paths are resolved from the working directory.
   */
  @IsString()
  STORAGE_DIR = '.lodestar/files';

  /** Largest accepted import upload, in megabytes. */
  @Transform(toInt) @IsInt() @Min(1) @Max(2048)
  IMPORT_MAX_MB = 200;

  /**
   * Fill the first workspace with the demo data (customers, orders, events) after start-up when it has
   * no customers yet; the same background job as POST /api/demo.
   */
  @IsOptional() @Transform(toBool) @IsBoolean()
  DEMO_ON_START = false;

  /** Customers the demo data creates (orders and events follow: about 6 and 18 per customer). */
  @Transform(toInt) @IsInt() @Min(100) @Max(1_000_000)
  DEMO_CUSTOMERS = 20_000;

  /** How long a segment preview (count and sample of a rule tree) may run before it answers 422 `preview-timeout`. */
  @Transform(toInt) @IsInt() @Min(1) @Max(600_000)
  SEGMENT_PREVIEW_TIMEOUT_MS = 15_000;

  /** How often a worker decides which segments need a refresh: changed customers, relative-time drift, the daily full refresh. */
  @Transform(toInt) @IsInt() @Min(10) @Max(86_400)
  SEGMENT_REFRESH_TICK_SECONDS = 300;

  /** How often segments with relative-time conditions ("in the last 30 days") are fully re-evaluated as time passes. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  SEGMENT_TIME_REFRESH_MINUTES = 60;

  /** Directory with the built console (served at `/`). */
  @IsOptional() @IsString()
  CONSOLE_DIR?: string;
}

export class ConfigError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Env, defined, { exposeDefaultValues: true });
  env.PUBLIC_URL ??= `http://localhost:${env.PORT}`;
  const errors = validateSync(env, { whitelist: false });
  if (errors.length) {
    const lines = errors.map((e) => `  - ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (env.EMAIL_TRANSPORT === 'sendgrid' && !env.SENDGRID_API_KEY) {
    throw new ConfigError('Invalid configuration:\n  - SENDGRID_API_KEY: required when EMAIL_TRANSPORT=sendgrid');
  }
  if (env.EMAIL_TRANSPORT === 'smtp' && !env.SMTP_URL) {
    throw new ConfigError('Invalid configuration:\n  - SMTP_URL: required when EMAIL_TRANSPORT=smtp');
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  - JWT_SECRET: required in production (32+ random characters)');
  }
  return env;
}

export const runsHttp = (env: Env) => env.LODESTAR_MODE !== 'worker';
export const runsWorkers = (env: Env) => env.LODESTAR_MODE !== 'api';
