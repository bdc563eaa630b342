import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/access/actor';
import { requirePermission } from '../../platform/access/require-permission';
import { CustomerDirectoryService } from '../customers/segment-source/customer-directory.service';
import type { SegmentFieldDto, SegmentFieldsDto } from './dto/segment-fields.dto';
import { SEGMENT_FIELDS } from './rules/segment-fields';
import type { SegmentField } from './rules/segment-fields';

/** The rule builder's field catalogue (the compiler's allow-list) with the values present in the workspace's data. */
@Injectable()
export class SegmentFieldsService {
  constructor(private readonly directory: CustomerDirectoryService) {}

  async fields(actor: Actor): Promise<SegmentFieldsDto> {
    requirePermission(actor, 'segments:read');
    return { fields: SEGMENT_FIELDS.map(toFieldDto), options: await this.directory.fieldOptions(actor.workspaceId) };
  }
}

const toFieldDto = (f: SegmentField): SegmentFieldDto => ({
  key: f.key,
  label: f.label,
  group: f.group,
  dataType: f.dataType,
  operators: [...f.operators],
  ...(f.options && { options: [...f.options] }),
  ...(f.optionsSource && { optionsSource: f.optionsSource }),
  ...(f.description && { description: f.description }),
});
