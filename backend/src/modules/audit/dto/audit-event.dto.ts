import { ApiProperty } from '@nestjs/swagger';
import { AuditEvent } from '../entities/audit-event.entity';

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) actorType: string;
  @ApiProperty() actorId: string;
  @ApiProperty({ description: 'Email of the user or name of the API key' }) actorLabel: string;
  @ApiProperty({ example: 'invitation.create' }) action: string;
  @ApiProperty({ example: 'invitation' }) objectType: string;
  @ApiProperty({ type: String, nullable: true }) objectId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const toAuditEventDto = (e: AuditEvent): AuditEventDto => ({
  id: e.id,
  actorType: e.actorType,
  actorId: e.actorId,
  actorLabel: e.actorLabel,
  action: e.action,
  objectType: e.objectType,
  objectId: e.objectId,
  before: e.before,
  after: e.after,
  requestId: e.requestId,
  ip: e.ip,
  createdAt: e.createdAt.toISOString(),
});
