// /api/v1/users: every route needs a signed-in user; admin routes need the users permissions.
import { Router, type RequestHandler } from 'express';
import { requirePermission } from '../../middleware/auth.ts';
import type { UsersController } from './users.controller.ts';

export function usersRoutes(
  c: UsersController,
  guards: { authenticate: RequestHandler; userQuota: RequestHandler },
): Router {
  const router = Router();
  router.use(guards.authenticate, guards.userQuota);
  router.get('/me', requirePermission('profile:read'), c.getMe);
  router.patch('/me', requirePermission('profile:update'), c.updateMe);
  router.get('/', requirePermission('users:read'), c.list);
  router.get('/:id', requirePermission('users:read'), c.get);
  router.patch('/:id', requirePermission('users:manage'), c.update);
  router.delete('/:id', requirePermission('users:manage'), c.remove);
  return router;
}
