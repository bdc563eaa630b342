import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/access/actor';
import { decodeCursor, Page, toPage } from '../../platform/pagination/cursor';
import { AuditFilter, AuditRepository } from './audit.repository';
import { AuditEventDto, toAuditEventDto } from './dto/audit-event.dto';

export interface AuditRecord {
  action: string;
  objectType: string;
  objectId?: string | null;
  before?: object | null;
  after?: object | null;
}

/** Field names never written to the audit log, whatever object they come from. */
const SECRET_FIELDS = /password|hash|secret|token/i;

function scrub(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (key && SECRET_FIELDS.test(key) ? undefined : v)));
}

/** The audit log: every mutating action in a workspace, recorded by the service that performs it. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Records an action; pass the transaction's manager so the event commits (or not) with the change. */
  record(actor: Actor, record: AuditRecord, manager?: EntityManager): Promise<void> {
    return this.repository.insert(
      {
        workspaceId: actor.workspaceId,
        actorType: actor.type,
        actorId: actor.id,
        actorLabel: actor.label,
        action: record.action,
        objectType: record.objectType,
        objectId: record.objectId ?? null,
        before: scrub(record.before),
        after: scrub(record.after),
        requestId: actor.requestId ?? null,
        ip: actor.ip ?? null,
      },
      manager,
    );
  }

  async list(actor: Actor, filter: AuditFilter, cursor?: string, limit = 50): Promise<Page<AuditEventDto>> {
    const rows = await this.repository.list(actor.workspaceId, filter, decodeCursor(cursor), limit + 1);
    return toPage(rows, limit, (r) => ({ v: r.createdAt.toISOString(), id: r.id }), toAuditEventDto);
  }

  /** CSV of every matching event, oldest first, produced batch by batch. */
  async *exportCsv(actor: Actor, filter: AuditFilter): AsyncGenerator<string> {
    const columns = ['createdAt', 'actorType', 'actorId', 'actorLabel', 'action', 'objectType', 'objectId', 'before', 'after', 'requestId', 'ip'];
    yield stringify([columns]);
    for await (const rows of this.repository.stream(actor.workspaceId, filter)) {
      yield stringify(
        rows.map((r) => [
          r.createdAt.toISOString(),
          r.actorType,
          r.actorId,
          r.actorLabel,
          r.action,
          r.objectType,
          r.objectId ?? '',
          r.before ? JSON.stringify(r.before) : '',
          r.after ? JSON.stringify(r.after) : '',
          r.requestId ?? '',
          r.ip ?? '',
        ]),
      );
    }
  }
}
