import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../platform/access/actor';
import { requirePermission } from '../../platform/access/require-permission';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import type { Page } from '../../platform/pagination/cursor';
import { safeText } from '../../platform/csv/safe-text';
import { CustomerDirectoryService } from '../customers/segment-source/customer-directory.service';
import type { SegmentMemberDto } from './dto/segment-customer.dto';
import type { SegmentBreakdownDto } from './dto/segment-insights.dto';
import type { Segment } from './entities/segment.entity';
import { SegmentMembersRepository } from './segment-members.repository';
import type { MemberRow } from './segment-members.repository';
import { segmentsError } from './segments.errors';
import { toSegmentMemberDto } from './segments.mapper';
import { SegmentsRepository } from './segments.repository';

const DEFAULT_LIMIT = 50;

/** Columns of the members CSV. */
export const MEMBER_CSV_COLUMNS = ['id', 'externalId', 'email', 'firstName', 'lastName', 'country', 'rfmTier', 'totalSpent', 'addedAt'];

/**
 * A segment's materialized members: pages, a streamed CSV and the breakdown (computed by the customers
 * module over the member ids).
 */
@Injectable()
export class SegmentMembersService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly members: SegmentMembersRepository,
    private readonly directory: CustomerDirectoryService,
  ) {}

  /** Members in customer id order; ids are paged from the membership first, then their summaries fetched. */
  async list(actor: Actor, segmentId: string, input: { cursor?: string; limit?: number }): Promise<Page<SegmentMemberDto>> {
    requirePermission(actor, 'segments:read');
    const segment = await this.find(actor, segmentId);
    const limit = input.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(input.cursor);
    const rows = await this.members.page(segment.workspaceId, segment.id, after?.id ?? null, limit + 1);
    const kept = rows.slice(0, limit);
    const last = kept[kept.length - 1];
    return {
      items: await this.withSummaries(segment.workspaceId, kept),
      nextCursor: rows.length > limit ? encodeCursor({ v: last.customerId, id: last.customerId }) : null,
    };
  }

  /** The CSV of every member, produced batch by batch while it is sent. */
  async exportCsv(actor: Actor, segmentId: string): Promise<{ fileName: string; rows: AsyncGenerator<string> }> {
    requirePermission(actor, 'segments:read');
    const segment = await this.find(actor, segmentId);
    return { fileName: `${fileSafe(segment.name)}-members.csv`, rows: this.csv(segment) };
  }

  async breakdown(actor: Actor, segmentId: string): Promise<SegmentBreakdownDto> {
    requirePermission(actor, 'segments:read');
    const segment = await this.find(actor, segmentId);
    return this.directory.breakdown(segment.workspaceId, this.members.idsQuery(segment.workspaceId, segment.id));
  }

  private async find(actor: Actor, segmentId: string): Promise<Segment> {
    const segment = await this.segments.findById(actor.workspaceId, segmentId);
    if (!segment) throw segmentsError.notFound();
    return segment;
  }

  private async withSummaries(workspaceId: string, rows: MemberRow[]): Promise<SegmentMemberDto[]> {
    const summaries = new Map((await this.directory.summaries(workspaceId, rows.map((r) => r.customerId))).map((c) => [c.id, c]));
    // A member deleted since the last refresh has no summary any more (its membership row went with it, or goes soon).
    return rows.flatMap((r) => {
      const customer = summaries.get(r.customerId);
      return customer ? [toSegmentMemberDto(customer, r.addedAt)] : [];
    });
  }

  private async *csv(segment: Segment): AsyncGenerator<string> {
    yield stringify([MEMBER_CSV_COLUMNS]);
    for await (const batch of this.members.batches(segment.workspaceId, segment.id)) {
      const members = await this.withSummaries(segment.workspaceId, batch);
      yield stringify(members.map(toCsvRecord));
    }
  }
}

/** One CSV record; free text made formula-safe, dates ISO 8601 UTC, empty cells for missing values. */
const toCsvRecord = (m: SegmentMemberDto): (string | number)[] => [
  m.id,
  safeText(m.externalId),
  safeText(m.email),
  safeText(m.firstName),
  safeText(m.lastName),
  m.country ?? '',
  m.rfmTier ?? '',
  m.totalSpent,
  new Date(m.addedAt).toISOString(),
];

const fileSafe = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'segment';
