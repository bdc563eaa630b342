import type { Permission } from './permissions';

/** Who is making a request, resolved by the auth guard from a JWT or an API key. */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  /** User id or API key id. */
  id: string;
  /** Email or key name, kept in the audit log. */
  label: string;
  workspaceId: string;
  permissions: ReadonlySet<Permission>;
  /** For a signed-in user: the session (refresh-token family) of the request. */
  sessionId?: string;
  requestId?: string;
  ip?: string;
}
