import type { Role } from '../db/schema.ts';

export { type Role, roles } from '../db/schema.ts';

/** What a role may do. Every admin route names exactly one permission. */
export const permissions = [
  'data:read',
  'audit:read',
  'evidence:export',
  'findings:decide',
  'governance:manage',
  'policies:manage',
  'enrolment:manage',
  'connectors:manage',
  'users:manage',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * owner: everything, user management. admin (IT): connectors, enrolment, policies, governance.
 * analyst (compliance): read everything, decide on findings. auditor: read-only, evidence export.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: permissions,
  admin: ['data:read', 'audit:read', 'governance:manage', 'policies:manage', 'enrolment:manage', 'connectors:manage'],
  analyst: ['data:read', 'audit:read', 'findings:decide'],
  auditor: ['data:read', 'audit:read', 'evidence:export'],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
