import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/access/actor';
import { requirePermission } from '../../platform/access/require-permission';
import { Transactions } from '../../platform/database/transactions';
import { decodeCursor, toPage } from '../../platform/pagination/cursor';
import type { Page } from '../../platform/pagination/cursor';
import { AuditService } from '../audit/audit.service';
import type { SegmentDetailDto, SegmentSummaryDto } from './dto/segment.response';
import type { Segment } from './entities/segment.entity';
import { SegmentRefreshService } from './refresh/segment-refresh.service';
import { compileContext } from './segment-compile-context';
import { SegmentCompiler } from './rules/segment-compiler';
import type { SegmentRules } from './rules/segment-rules.types';
import { segmentsError } from './segments.errors';
import { toSegmentDetailDto, toSegmentSummaryDto } from './segments.mapper';
import { isDuplicateName, SegmentsRepository } from './segments.repository';
import type { RefreshTrigger } from './segments.types';

const DEFAULT_LIMIT = 50;

export interface SegmentDefinition {
  name: string;
  description?: string | null;
  rules: SegmentRules;
}

/** The fields of a segment an update may change; the audit log records their values before and after. */
const DEFINITION_FIELDS = ['name', 'description', 'rules'] as const;

/**
 * Segment definitions: list, read, create, change, delete. Rules are validated and compiled by the
 * compiler (which also finds the segments they refer to and whether they are relative to now); every
 * change is audited in its transaction, and a changed definition is re-materialized by a refresh queued
 * once the change is committed. Definition changes of a workspace are serialized (see
 * {@link SegmentsRepository.lockDefinitions}) so references between segments stay acyclic and existing.
 */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly compiler: SegmentCompiler,
    private readonly refreshes: SegmentRefreshService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(actor: Actor, input: { search?: string; cursor?: string; limit?: number }): Promise<Page<SegmentSummaryDto>> {
    requirePermission(actor, 'segments:read');
    const limit = input.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(input.cursor);
    const rows = await this.segments.list(actor.workspaceId, {
      search: input.search?.trim() || undefined,
      after: after && { createdAt: String(after.v), id: after.id },
      limit: limit + 1,
    });
    return toPage(
      rows,
      limit,
      (r) => ({ v: new Date(r.segment.createdAt).toISOString(), id: r.segment.id }),
      (r) => toSegmentSummaryDto(r.segment, r.sizeTrend),
    );
  }

  async get(actor: Actor, id: string): Promise<SegmentDetailDto> {
    requirePermission(actor, 'segments:read');
    const segment = await this.segments.findById(actor.workspaceId, id);
    if (!segment) throw segmentsError.notFound();
    return this.detail(segment);
  }

  /** Creates a segment (from a playbook when `playbookKey` is given) and queues its first full refresh. */
  async create(actor: Actor, input: SegmentDefinition, playbookKey: string | null = null): Promise<SegmentDetailDto> {
    requirePermission(actor, 'segments:write');
    const ws = actor.workspaceId;
    const segment = await this.transactions.run(async (m) => {
      await this.segments.lockDefinitions(ws, m);
      if (await this.segments.nameTaken(ws, input.name, null, m)) throw segmentsError.duplicateName();
      const compiled = await this.compiler.compile(input.rules, compileContext(this.segments, ws, new Date(), { manager: m }));
      const created = await this.write(() =>
        this.segments.insert(
          {
            workspaceId: ws,
            name: input.name,
            description: input.description ?? null,
            rules: input.rules,
            referencedSegmentIds: compiled.referencedSegmentIds,
            timeRelative: compiled.timeRelative,
            playbookKey,
            createdBy: actor.label,
          },
          m,
        ),
      );
      await this.audit.record(
        actor,
        { action: 'segment.create', objectType: 'segment', objectId: created.id, after: { name: created.name, description: created.description, rules: created.rules, playbookKey } },
        m,
      );
      return created;
    });
    await this.requestRefresh(ws, [segment.id], 'create');
    return this.detail(segment);
  }

  /**
   * Changes the name, description or rules. New rules are compiled (a condition on itself, directly or
   * through other segments, is a cycle); the segments using this one are recompiled too, since what they
   * refer to and whether they are relative to now follow from its rules, and all of them are refreshed.
   */
  async update(actor: Actor, id: string, input: Partial<SegmentDefinition>): Promise<SegmentDetailDto> {
    requirePermission(actor, 'segments:write');
    const ws = actor.workspaceId;
    const { segment, refresh } = await this.transactions.run(async (m) => {
      await this.segments.lockDefinitions(ws, m);
      const segment = await this.segments.findById(ws, id, m, true);
      if (!segment) throw segmentsError.notFound();
      const before = pickDefinition(segment);
      if (input.name !== undefined && input.name !== segment.name) {
        if (await this.segments.nameTaken(ws, input.name, id, m)) throw segmentsError.duplicateName();
        segment.name = input.name;
      }
      if (input.description !== undefined) segment.description = input.description;
      const rulesChanged = input.rules !== undefined && JSON.stringify(input.rules) !== JSON.stringify(segment.rules);
      if (input.rules !== undefined && rulesChanged) {
        const compiled = await this.compiler.compile(input.rules, compileContext(this.segments, ws, new Date(), { selfId: id, manager: m }));
        Object.assign(segment, { rules: input.rules, referencedSegmentIds: compiled.referencedSegmentIds, timeRelative: compiled.timeRelative });
      }
      const after = pickDefinition(segment);
      const changed = DEFINITION_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      if (!changed.length) return { segment, refresh: [] };
      const saved = await this.write(() => this.segments.save(segment, m));
      const dependents = rulesChanged ? await this.recompileDependents(ws, id, m) : [];
      await this.audit.record(
        actor,
        { action: 'segment.update', objectType: 'segment', objectId: id, before: pick(before, changed), after: { ...pick(after, changed), recompiled: dependents } },
        m,
      );
      return { segment: saved, refresh: rulesChanged ? [id, ...dependents] : [] };
    });
    await this.requestRefresh(ws, refresh, 'update');
    return this.detail(segment);
  }

  /** Deletes a segment with its members and history; refused (409) while other segments refer to it. */
  async remove(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'segments:write');
    const ws = actor.workspaceId;
    await this.transactions.run(async (m) => {
      await this.segments.lockDefinitions(ws, m);
      const segment = await this.segments.findById(ws, id, m, true);
      if (!segment) throw segmentsError.notFound();
      const users = await this.segments.usedBy(ws, id, m);
      if (users.length) throw segmentsError.inUse(users);
      await this.segments.delete(ws, id, m);
      await this.audit.record(
        actor,
        { action: 'segment.delete', objectType: 'segment', objectId: id, before: { ...pickDefinition(segment), memberCount: segment.memberCount } },
        m,
      );
    });
  }

  private async detail(segment: Segment): Promise<SegmentDetailDto> {
    const ws = segment.workspaceId;
    const [sizeTrend, references, usedBy] = await Promise.all([
      this.segments.sizeTrend(ws, segment.id),
      this.segments.refs(ws, segment.referencedSegmentIds),
      this.segments.usedBy(ws, segment.id),
    ]);
    return toSegmentDetailDto(segment, { sizeTrend, references, usedBy: usedBy.map(({ id, name }) => ({ id, name })) });
  }

  /** Recompiles the segments referring to `id` (its rules just changed in this transaction); returns their ids. */
  private async recompileDependents(workspaceId: string, id: string, m: EntityManager): Promise<string[]> {
    const dependents = await this.segments.usedBy(workspaceId, id, m);
    for (const dependent of dependents) {
      const compiled = await this.compiler.compile(dependent.rules, compileContext(this.segments, workspaceId, new Date(), { selfId: dependent.id, manager: m }));
      Object.assign(dependent, { referencedSegmentIds: compiled.referencedSegmentIds, timeRelative: compiled.timeRelative });
      await this.segments.save(dependent, m);
    }
    return dependents.map((d) => d.id);
  }

  private async requestRefresh(workspaceId: string, ids: string[], trigger: RefreshTrigger): Promise<void> {
    for (const id of ids) await this.refreshes.requestRefresh(workspaceId, id, { kind: 'full', trigger });
  }

  /** Writes through the unique name index: a concurrent duplicate becomes the same 409 as a detected one. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw isDuplicateName(error) ? segmentsError.duplicateName() : error;
    }
  }
}

const pickDefinition = (s: Segment) => ({ name: s.name, description: s.description, rules: s.rules });

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}
