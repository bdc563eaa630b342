import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../platform/pagination/cursor';
import type { Invitation } from '../entities/invitation.entity';
import type { InvitationStatus } from '../repositories/invitations.repository';
import { RoleSummaryDto } from './role.dto';

const STATUSES: InvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

export function invitationStatus(i: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>): InvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt.getTime() <= Date.now() ? 'expired' : 'pending';
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: RoleSummaryDto }) role: RoleSummaryDto;
  @ApiProperty({ enum: STATUSES }) status: InvitationStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Email of who invited' }) invitedBy: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class InvitationPreviewDto {
  @ApiProperty() email: string;
  @ApiProperty() workspaceName: string;
  @ApiProperty() roleName: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'True when this email already has a Lodestar account (accept with its password)' }) existingUser: boolean;
}

export class CreateInvitationRequest {
  @ApiProperty() @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() roleId: string;
}

class InvitationFilterQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: InvitationStatus;
}

export class ListInvitationsQuery extends IntersectionType(InvitationFilterQuery, PageQuery) {}

export const toInvitationDto = (i: Invitation): InvitationDto => ({
  id: i.id,
  email: i.email,
  role: { id: i.role!.id, key: i.role!.key, name: i.role!.name },
  status: invitationStatus(i),
  invitedBy: i.inviter?.email ?? null,
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});
