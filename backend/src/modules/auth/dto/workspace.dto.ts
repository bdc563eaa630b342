import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Workspace } from '../entities/workspace.entity';

export class WorkspaceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class UpdateWorkspaceRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
}

export const toWorkspaceDto = (w: Workspace): WorkspaceDto => ({ id: w.id, name: w.name, createdAt: w.createdAt.toISOString() });
