import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { requirePermission } from '../../../platform/access/require-permission';
import type { SegmentPlaybookDto } from '../dto/segment-playbook.dto';
import type { SegmentDetailDto } from '../dto/segment.response';
import { SegmentPreviewService } from '../segment-preview.service';
import { segmentsError } from '../segments.errors';
import { SegmentsRepository } from '../segments.repository';
import { SegmentsService } from '../segments.service';
import type { CustomersDemoLoaded } from '../../../platform/queue/domain-events';
import { DEMO_PLAYBOOK_KEYS, findPlaybook, SEGMENT_PLAYBOOKS } from './segment-playbooks';

/** The playbooks with their live count in a workspace, and one-click creation of a playbook's segment. */
@Injectable()
export class SegmentPlaybooksService {
  private readonly logger = new Logger('SegmentPlaybooks');

  constructor(
    private readonly segments: SegmentsService,
    private readonly definitions: SegmentsRepository,
    private readonly preview: SegmentPreviewService,
  ) {}

  /**
   * Every playbook with how many customers it matches now: one count each, one after the other, all within
   * one preview's time (SEGMENT_PREVIEW_TIMEOUT_MS); counts left when the time is up are null.
   */
  async list(actor: Actor): Promise<SegmentPlaybookDto[]> {
    requirePermission(actor, 'segments:read');
    const created = await this.definitions.playbookSegments(actor.workspaceId);
    const deadline = Date.now() + this.preview.timeoutMs;
    const result: SegmentPlaybookDto[] = [];
    for (const playbook of SEGMENT_PLAYBOOKS) {
      const left = deadline - Date.now();
      const count = left > 0 ? await this.preview.count(actor.workspaceId, playbook.rules, left) : null;
      result.push({ ...playbook, count, segmentId: created.get(playbook.key) ?? null });
    }
    return result;
  }

  /** Creates the playbook's segment, named after the playbook unless `name` is given (409 naming `name` when taken). */
  create(actor: Actor, key: string, input: { name?: string } = {}): Promise<SegmentDetailDto> {
    requirePermission(actor, 'segments:write');
    const playbook = findPlaybook(key);
    if (!playbook) throw segmentsError.playbookNotFound(key);
    return this.segments.create(actor, { name: input.name ?? playbook.name, description: playbook.description, rules: playbook.rules }, playbook.key);
  }

  /**
   * The demo segments: the playbooks of {@link DEMO_PLAYBOOK_KEYS} created in the workspace the customers
   * demo data was loaded into, and refreshed. Playbooks already created there (or whose name is taken) are
   * left alone, so a repeated event creates nothing twice.
   */
  async createDemoSegments(event: CustomersDemoLoaded): Promise<string[]> {
    const actor: Actor = { ...event.requestedBy, workspaceId: event.workspaceId, permissions: new Set(['segments:write']) };
    const existing = await this.definitions.playbookSegments(event.workspaceId);
    const created: string[] = [];
    for (const playbook of SEGMENT_PLAYBOOKS.filter((p) => DEMO_PLAYBOOK_KEYS.includes(p.key) && !existing.has(p.key))) {
      if (await this.definitions.nameTaken(event.workspaceId, playbook.name, null)) continue;
      created.push((await this.create(actor, playbook.key)).id);
    }
    this.logger.log(`Demo segments in workspace ${event.workspaceId}: ${created.length} created`);
    return created;
  }
}
