// Wires the users' handlers.
import type { Handlers } from '../../types/handlers.ts';
import { createUsersController } from './users.controller.ts';
import { usersRoutes } from './users.routes.ts';
import type { UsersService } from './users.service.ts';

export function usersModule(service: UsersService): Handlers<'users'> {
  return usersRoutes(createUsersController(service));
}
