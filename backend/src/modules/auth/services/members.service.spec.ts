import { jest } from '@jest/globals';
import type { Actor } from '../../../platform/access/actor';
import { BUILT_IN_ROLES, Permission } from '../../../platform/access/permissions';
import { DomainError } from '../../../platform/errors/domain-error';
import { MembersService } from './members.service';

const role = (key: string) => ({ id: `role-${key}`, key, name: key, permissions: BUILT_IN_ROLES[key].permissions as string[] });
const actorWith = (key: string): Actor => ({
  type: 'user',
  id: 'actor',
  label: 'actor@example.test',
  workspaceId: 'ws',
  permissions: new Set(BUILT_IN_ROLES[key].permissions as Permission[]),
});

function setup(member: { roleKey: string; active?: boolean }, activeOwners: string[]) {
  const memberships = {
    find: jest.fn(async () => ({ id: 'm1', userId: 'target', workspaceId: 'ws', roleId: `role-${member.roleKey}`, role: role(member.roleKey), active: member.active ?? true, user: { email: 't@x', name: 'T', lastLoginAt: null }, createdAt: new Date() })),
    update: jest.fn(async () => undefined),
    lockActiveOwners: jest.fn(async () => activeOwners),
  };
  const roles = { findById: jest.fn(async (_ws: string, id: string) => role(id.replace('role-', ''))) };
  const refreshTokens = { revokeAllForUser: jest.fn(async () => undefined) };
  const audit = { record: jest.fn(async () => undefined) };
  const transactions = { run: (work: (m: unknown) => Promise<unknown>) => work({}) };
  const service = new MembersService(memberships as never, roles as never, refreshTokens as never, audit as never, transactions as never);
  return { service, memberships, refreshTokens, audit };
}

const code = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: DomainError) => e.code);

describe('MembersService.update', () => {
  it('refuses changes to yourself', async () => {
    const { service } = setup({ roleKey: 'viewer' }, []);
    expect(await code(service.update(actorWith('owner'), 'actor', { active: false }))).toBe('self-change');
  });

  it('keeps the last active owner', async () => {
    const { service, memberships } = setup({ roleKey: 'owner' }, ['target']);
    expect(await code(service.update(actorWith('owner'), 'target', { roleId: 'role-viewer' }))).toBe('last-owner');
    expect(memberships.update).not.toHaveBeenCalled();
  });

  it('lets an owner demote one of several owners', async () => {
    const { service, memberships, audit } = setup({ roleKey: 'owner' }, ['target', 'other']);
    expect(await code(service.update(actorWith('owner'), 'target', { roleId: 'role-viewer' }))).toBe('ok');
    expect(memberships.update).toHaveBeenCalledWith('m1', { roleId: 'role-viewer', active: true }, {});
    expect(audit.record).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ before: { role: 'owner', active: true }, after: { role: 'viewer', active: true } }), {});
  });

  it('does not let an admin grant or remove the owner role', async () => {
    expect(await code(setup({ roleKey: 'viewer' }, []).service.update(actorWith('admin'), 'target', { roleId: 'role-owner' }))).toBe('permission-escalation');
    expect(await code(setup({ roleKey: 'owner' }, ['target', 'x']).service.update(actorWith('admin'), 'target', { active: false }))).toBe('permission-escalation');
  });

  it('revokes the sessions of a deactivated member', async () => {
    const { service, refreshTokens } = setup({ roleKey: 'analyst' }, []);
    await service.update(actorWith('admin'), 'target', { active: false });
    expect(refreshTokens.revokeAllForUser).toHaveBeenCalledWith('target', 'ws', {});
  });
});
