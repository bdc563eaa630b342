import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/access/actor';
import { requirePermission } from '../../platform/access/require-permission';
import { CustomerDirectoryService } from '../customers/segment-source/customer-directory.service';
import type { SegmentExplanationDto } from './dto/segment-insights.dto';
import { SegmentExplainer } from './rules/segment-explainer';
import { SegmentMembersRepository } from './segment-members.repository';
import { segmentsError } from './segments.errors';
import { toSegmentCustomerDto } from './segments.mapper';
import { SegmentsRepository } from './segments.repository';

/** Why a customer is (or is not) in a segment: the explainer's annotated tree now, and the materialized membership. */
@Injectable()
export class SegmentExplainService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly members: SegmentMembersRepository,
    private readonly directory: CustomerDirectoryService,
    private readonly explainer: SegmentExplainer,
  ) {}

  /** 404 for a segment or a customer that is not in the caller's workspace. */
  async explain(actor: Actor, segmentId: string, customerId: string): Promise<SegmentExplanationDto> {
    requirePermission(actor, 'segments:read');
    const ws = actor.workspaceId;
    const segment = await this.segments.findById(ws, segmentId);
    if (!segment) throw segmentsError.notFound();
    const [customer] = await this.directory.summaries(ws, [customerId]);
    if (!customer) throw segmentsError.customerNotFound();
    const asOf = new Date();
    const [tree, inMembership] = await Promise.all([
      this.explainer.explain(ws, segment.rules, customerId, asOf, (id) => this.segments.findRules(ws, id)),
      this.members.isMember(ws, segment.id, customerId),
    ]);
    return { segmentId: segment.id, customer: toSegmentCustomerDto(customer), asOf, matched: tree.matched, inMembership, tree };
  }
}
