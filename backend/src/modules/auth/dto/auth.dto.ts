import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'owner@lodestar.local' }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ example: 'correct horse battery staple' }) @IsString() @MinLength(1) @MaxLength(128) password: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Workspace to sign in to; the first one when omitted' })
  @IsOptional() @IsUUID() workspaceId?: string;
}

export class RefreshRequest {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(200) refreshToken: string;
}

export class TokenResponse {
  @ApiProperty({ description: 'JWT for the Authorization header' }) accessToken: string;
  @ApiProperty({ description: 'One-time refresh token; rotated on every refresh' }) refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ description: 'Refresh token lifetime in seconds' }) refreshExpiresIn: number;
}

export class PasswordResetRequest {
  @ApiProperty() @IsEmail() @MaxLength(320) email: string;
}

export class PasswordResetConfirm {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(200) token: string;
  @ApiProperty({ minLength: 12, maxLength: 128 }) @IsString() @MaxLength(1000) password: string;
}

export class AcceptInvitationRequest {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(200) token: string;
  @ApiProperty({ description: 'Your name (ignored when you already have an account)' }) @IsString() @MaxLength(200) name: string;
  @ApiProperty({ description: 'New password, or your current one when you already have an account' })
  @IsString() @MaxLength(1000) password: string;
}
