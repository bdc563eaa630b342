import { ApiKey } from './api-key.entity';
import { Invitation } from './invitation.entity';
import { Membership } from './membership.entity';
import { PasswordReset } from './password-reset.entity';
import { RefreshToken } from './refresh-token.entity';
import { Role } from './role.entity';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

export const AUTH_ENTITIES = [Workspace, User, Role, Membership, RefreshToken, Invitation, PasswordReset, ApiKey];
