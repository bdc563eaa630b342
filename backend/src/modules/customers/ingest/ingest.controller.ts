import { applyDecorators, Body, Controller, Headers, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { BulkIngestService, IngestOutcome } from './bulk-ingest.service';
import { IngestCustomersRequest, IngestEventsRequest, IngestOrdersRequest, MAX_BATCH_ITEMS } from './dto/ingest-request.dto';
import { IngestResponseDto } from './dto/ingest-response.dto';

const IDEMPOTENCY_HEADER = 'idempotency-key';
const REPLAYED_HEADER = 'Idempotent-Replayed';

/** What every bulk route documents: the idempotency headers, per-item results and the envelope's problems. */
const BulkRoute = () =>
  applyDecorators(
    RequirePermission('customers:import'),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retry safe: the same key with the same body within 24 hours returns the stored response (with ' +
        '`Idempotent-Replayed: true`) and applies nothing; the same key with another body is refused (422). ' +
        'Keys are scoped to the workspace and the resource. 1–255 printable ASCII characters.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
    ApiOkResponse({
      type: IngestResponseDto,
      description: 'One result per item (created, updated or rejected with reason and field) and the counts',
      headers: { [REPLAYED_HEADER]: { description: '`true` when this is the stored response of an earlier request', schema: { type: 'string', enum: ['true'] } } },
    }),
    ApiBadRequestResponse({ type: ProblemDto, description: `Not JSON, \`items\` missing, not an array, empty or over ${MAX_BATCH_ITEMS}, an unknown top-level field, or a malformed Idempotency-Key` }),
    ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'The Idempotency-Key was used with a different body (`idempotency-key-reused`)' }),
    ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'The body is over the ingestion limit (INGEST_BODY_LIMIT_BYTES, 16 MB by default)' }),
  );

/** Bulk JSON ingestion for integrators (API keys or users with `customers:import`). */
@ApiTags('ingest')
@Controller('ingest')
export class IngestController {
  constructor(private readonly ingest: BulkIngestService) {}

  @Post('customers')
  @BulkRoute()
  @ApiOperation({
    operationId: 'ingestCustomers',
    summary: 'Create or update up to 1,000 customers',
    description: 'Each customer is matched by `externalId`, then by `email`; a match is updated (absent fields are kept), otherwise created.',
  })
  @ApiBody({ type: IngestCustomersRequest })
  async ingestCustomers(
    @CurrentActor() actor: Actor,
    @Body() body: IngestCustomersRequest,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResponseDto> {
    return send(reply, await this.ingest.ingest(actor, 'customers', body, key));
  }

  @Post('orders')
  @BulkRoute()
  @ApiOperation({
    operationId: 'ingestOrders',
    summary: 'Add or replace up to 1,000 orders with their line items',
    description:
      'An order whose `externalId` is already stored is replaced with its line items (`updated`); any other is `created`. ' +
      'An unknown customer is created from `customerExternalId` / `customerEmail`. Computed traits are updated in the same transaction.',
  })
  @ApiBody({ type: IngestOrdersRequest })
  async ingestOrders(
    @CurrentActor() actor: Actor,
    @Body() body: IngestOrdersRequest,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResponseDto> {
    return send(reply, await this.ingest.ingest(actor, 'orders', body, key));
  }

  @Post('events')
  @BulkRoute()
  @ApiOperation({
    operationId: 'ingestEvents',
    summary: 'Add up to 1,000 behavioural events',
    description: 'Events are always added. An unknown customer is created from `customerExternalId` / `customerEmail`.',
  })
  @ApiBody({ type: IngestEventsRequest })
  async ingestEvents(
    @CurrentActor() actor: Actor,
    @Body() body: IngestEventsRequest,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResponseDto> {
    return send(reply, await this.ingest.ingest(actor, 'events', body, key));
  }
}

function send(reply: FastifyReply, outcome: IngestOutcome): IngestResponseDto {
  reply.status(outcome.statusCode);
  if (outcome.replayed) reply.header(REPLAYED_HEADER, 'true');
  return outcome.body;
}
