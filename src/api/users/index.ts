// Wires the users routes.
import type { RequestHandler, Router } from 'express';
import { createUsersController } from './users.controller.ts';
import { usersRoutes } from './users.routes.ts';
import type { UsersService } from './users.service.ts';

export function usersModule(
  service: UsersService,
  guards: { authenticate: RequestHandler; userQuota: RequestHandler },
): Router {
  return usersRoutes(createUsersController(service), guards);
}
