// Role-based access control: what each role may do. Routes name the permission they need
// (middleware/auth.ts); services still check ownership of the objects they touch.
import type { Role } from '../users/users.model.ts';

export const PERMISSIONS = {
  customer: [
    'profile:read',
    'profile:update',
    'sessions:manage',
    'orders:place',
    'orders:read',
    'orders:cancel',
  ],
  admin: [
    'profile:read',
    'profile:update',
    'sessions:manage',
    'users:read',
    'users:manage',
    'products:manage',
    'orders:place',
    'orders:read',
    'orders:cancel',
    'orders:manage',
  ],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[role] as readonly string[]).includes(permission);
}
