// Role-based access control: what each role may do. The contract names the permission each
// operation needs (`x-permission`, enforced by the edge in middleware/operations.ts); this
// table is the policy that grants them. Services still check ownership of the objects they touch.
import type { operations } from '../../../generated/operations.ts';
import type { Role } from '../users/users.model.ts';

/** Every permission some operation of the contract requires. */
export type Permission = NonNullable<(typeof operations)[keyof typeof operations]['permission']>;

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
} as const satisfies Record<Role, readonly Permission[]>;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[role] as readonly Permission[]).includes(permission);
}
