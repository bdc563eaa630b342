import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordService } from '../src/modules/auth/password.service';
import { WorkspacesService } from '../src/modules/auth/services/workspaces.service';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface TestUser {
  userId: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

export interface TestWorkspace {
  workspaceId: string;
  owner: TestUser;
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the API over real HTTP; JSON in and out. */
export async function call<T = any>(
  url: string,
  method: string,
  path: string,
  options: { token?: string; apiKey?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

export async function login(url: string, email: string, password: string, workspaceId?: string) {
  const res = await call(url, 'POST', '/api/auth/login', { body: { email, password, ...(workspaceId ? { workspaceId } : {}) } });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { accessToken: string; refreshToken: string };
}

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** A new workspace (with its built-in roles) and a signed-in owner, created through the service. */
export async function createWorkspace(app: INestApplication, url: string, name = 'Test workspace'): Promise<TestWorkspace> {
  const email = uniqueEmail('owner');
  const { workspace, userId } = await app.get(WorkspacesService).createWithOwner({
    workspaceName: name,
    ownerEmail: email,
    ownerName: 'Owner',
    ownerPassword: TEST_PASSWORD,
  });
  const tokens = await login(url, email, TEST_PASSWORD, workspace.id);
  return { workspaceId: workspace.id, owner: { userId, email, password: TEST_PASSWORD, token: tokens.accessToken, refreshToken: tokens.refreshToken } };
}

/** Adds a member with a built-in or custom role (by key) directly in the database, then signs them in. */
export async function addMember(app: INestApplication, url: string, workspaceId: string, roleKey: string): Promise<TestUser> {
  const ds = app.get(DataSource);
  const email = uniqueEmail(roleKey.replace(/[^a-z]/g, ''));
  const hash = await app.get(PasswordService).hash(TEST_PASSWORD);
  const [user] = await ds.query('INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [email, roleKey, hash]);
  const [role] = await ds.query('SELECT id FROM roles WHERE workspace_id = $1 AND key = $2', [workspaceId, roleKey]);
  await ds.query('INSERT INTO memberships (workspace_id, user_id, role_id) VALUES ($1, $2, $3)', [workspaceId, user.id, role.id]);
  const tokens = await login(url, email, TEST_PASSWORD, workspaceId);
  return { userId: user.id, email, password: TEST_PASSWORD, token: tokens.accessToken, refreshToken: tokens.refreshToken };
}
