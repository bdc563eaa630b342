import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/access/actor';
import { requirePermission } from '../../platform/access/require-permission';
import { Env } from '../../platform/config/env';
import type { SegmentCustomerDto, SegmentPreviewDto } from './dto/segment-customer.dto';
import { SegmentCompiler } from './rules/segment-compiler';
import { countQuery, sampleQuery } from './rules/segment-queries';
import type { SegmentRules } from './rules/segment-rules.types';
import { compileContext } from './segment-compile-context';
import { SegmentPreviewRepository } from './segment-preview.repository';
import { segmentsError } from './segments.errors';
import { SegmentsRepository } from './segments.repository';

/** Customers shown with a preview's count. */
export const PREVIEW_SAMPLE_SIZE = 20;

/**
 * Counts what a rule tree matches now, saved or not: compiled, then counted and sampled in one read-only
 * snapshot under a statement timeout (SEGMENT_PREVIEW_TIMEOUT_MS), so a heavy tree answers 422
 * `preview-timeout` instead of holding a connection.
 */
@Injectable()
export class SegmentPreviewService {
  constructor(
    private readonly env: Env,
    private readonly segments: SegmentsRepository,
    private readonly compiler: SegmentCompiler,
    private readonly queries: SegmentPreviewRepository,
  ) {}

  async preview(actor: Actor, input: { rules: SegmentRules; segmentId?: string }): Promise<SegmentPreviewDto> {
    requirePermission(actor, 'segments:read');
    const ws = actor.workspaceId;
    if (input.segmentId && !(await this.segments.findById(ws, input.segmentId))) throw segmentsError.notFound();
    const asOf = new Date();
    const compiled = await this.compiler.compile(input.rules, compileContext(this.segments, ws, asOf, { selfId: input.segmentId }));
    const started = performance.now();
    const results = await this.queries.runBounded([countQuery(compiled), sampleQuery(compiled, PREVIEW_SAMPLE_SIZE)], this.env.SEGMENT_PREVIEW_TIMEOUT_MS);
    if (!results) throw segmentsError.previewTimeout(this.env.SEGMENT_PREVIEW_TIMEOUT_MS / 1000);
    const [[counted], sample] = results;
    return { count: Number(counted.count), sample: sample.map(toSampleCustomer), asOf, tookMs: Math.round(performance.now() - started) };
  }

  /**
   * How many customers of the workspace a (valid) rule tree matches now, within `timeoutMs` (default
   * SEGMENT_PREVIEW_TIMEOUT_MS); null when counting ran out of time.
   */
  async count(workspaceId: string, rules: SegmentRules, timeoutMs = this.env.SEGMENT_PREVIEW_TIMEOUT_MS): Promise<number | null> {
    const compiled = await this.compiler.compile(rules, compileContext(this.segments, workspaceId, new Date()));
    const results = await this.queries.runBounded([countQuery(compiled)], timeoutMs);
    return results ? Number(results[0][0].count) : null;
  }

  /** The time a preview may take, in milliseconds. */
  get timeoutMs(): number {
    return this.env.SEGMENT_PREVIEW_TIMEOUT_MS;
  }
}

const toSampleCustomer = (row: Record<string, unknown>): SegmentCustomerDto => ({
  id: row.id as string,
  email: (row.email ?? null) as string | null,
  firstName: (row.firstName ?? null) as string | null,
  lastName: (row.lastName ?? null) as string | null,
  country: (row.country ?? null) as string | null,
  rfmTier: (row.rfmTier ?? null) as string | null,
  totalSpent: Number(row.totalSpent ?? 0),
});
