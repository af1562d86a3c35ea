// The users' operations (tag `users`), by operationId: the caller's own account, and admin
// management. Who may call each is the contract's `x-permission`, enforced by the edge.
import type { Handlers } from '../../types/handlers.ts';
import type { UsersController } from './users.controller.ts';

export function usersRoutes(c: UsersController): Handlers<'users'> {
  return {
    getMe: c.getMe,
    updateMe: c.updateMe,
    listUsers: c.list,
    getUser: c.get,
    updateUser: c.update,
    deleteUser: c.remove,
  };
}
