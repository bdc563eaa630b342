import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addSegmentRuleSchemas } from '../modules/segments/rules/segment-rules.schema';

/** Builds the OpenAPI document from the routes' decorators, with keys sorted so it diffs cleanly. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Lodestar API')
    .setDescription(
      'Self-hostable, AI-assisted marketing platform. Every operation declares the permission it needs in ' +
        '`x-permission`; public operations carry `x-public: true`. Errors are RFC 9457 problem+json.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey');
  for (const [tag, description] of Object.entries(TAGS)) config.addTag(tag, description);
  const document = SwaggerModule.createDocument(app, config.build(), {
    operationIdFactory: (_controller, method) => method,
  });
  addSegmentRuleSchemas(document);
  describeAccess(document);
  return sortKeys(document) as OpenAPIObject;
}

const TAGS: Record<string, string> = {
  auth: 'Sign-in, token refresh and sign-out, password reset, invitation acceptance',
  me: 'The signed-in user',
  workspace: 'The current workspace',
  users: 'Members of the workspace',
  invitations: 'Invitations by emailed one-time link',
  roles: 'Built-in and custom roles, the permission catalogue',
  'api-keys': 'API keys for integrators',
  audit: 'The audit log of every mutating action',
  email: 'The platform email log (the sandbox inbox)',
  customers: 'Customer profiles, computed traits, the customer 360 timeline, GDPR export and erasure',
  'customer-exports': 'CSV exports of filtered customer lists, written in the background',
  ingest: 'Bulk JSON ingestion of customers, orders and events for integrators (idempotent batches)',
  'customer-imports': 'CSV and XLSX customer imports: upload, preview, column mapping, background run, error report',
  demo: 'Deterministic demo data for an empty workspace',
  segments: 'Rule-based segments: live preview, materialized members, refreshes and size history, explain, playbooks',
  health: 'Liveness, readiness and Prometheus metrics',
};

/** Says in each operation's description what access it needs, from the declared permission. */
function describeAccess(document: OpenAPIObject) {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { [key: string]: unknown; description?: string }[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const permission = operation['x-permission'];
      const access = operation['x-public']
        ? 'Public: no credentials needed.'
        : permission === 'self'
          ? 'Any signed-in user, about themselves (not with an API key).'
          : `Requires the \`${permission}\` permission (Bearer token or X-Api-Key).`;
      operation.description = operation.description ? `${operation.description}\n\n${access}` : access;
    }
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
