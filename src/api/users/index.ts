// The users domain as the composition sees it: its entities and its handlers.
import type { Handlers } from '../../types/handlers.ts';
import { createUsersController } from './users.controller.ts';
import { User } from './users.model.ts';
import { usersRoutes } from './users.routes.ts';
import type { UsersService } from './users.service.ts';

export const usersEntities = [User];

export function usersModule(service: UsersService): Handlers<'users'> {
  return usersRoutes(createUsersController(service));
}
