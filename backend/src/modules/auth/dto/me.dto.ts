import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RoleSummaryDto } from './role.dto';

class MeUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
}

class WorkspaceRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class MyWorkspaceDto extends WorkspaceRefDto {
  @ApiProperty() roleName: string;
}

export class MeDto {
  @ApiProperty({ type: MeUserDto }) user: MeUserDto;
  @ApiProperty({ type: WorkspaceRefDto }) workspace: WorkspaceRefDto;
  @ApiProperty({ type: RoleSummaryDto }) role: RoleSummaryDto;
  @ApiProperty({ type: [String] }) permissions: string[];
  @ApiProperty({ type: [MyWorkspaceDto], description: 'Every workspace you may sign in to' }) workspaces: MyWorkspaceDto[];
}

export class UpdateMeRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
}

export class SwitchWorkspaceRequest {
  @ApiProperty({ format: 'uuid', description: 'One of the workspaces listed in `getMe().workspaces`' }) @IsUUID() workspaceId: string;
}

export class ChangePasswordRequest {
  @ApiProperty() @IsString() @MaxLength(1000) currentPassword: string;
  @ApiProperty({ minLength: 12, maxLength: 128 }) @IsString() @MaxLength(1000) newPassword: string;
}
