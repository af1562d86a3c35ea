// /api/v1/auth: public sign-up/sign-in/refresh/reset, and session management for signed-in users.
import { Router, type RequestHandler } from 'express';
import { requirePermission } from '../../middleware/auth.ts';
import type { AuthController } from './auth.controller.ts';

export interface AuthGuards {
  /** The general limit on every auth route, per IP. */
  authQuota: RequestHandler;
  authenticate: RequestHandler;
  userQuota: RequestHandler;
}

export function authRoutes(c: AuthController, guards: AuthGuards): Router {
  const router = Router();
  const signedIn = [guards.authenticate, guards.userQuota, requirePermission('sessions:manage')];
  router.use(guards.authQuota);
  router.post('/register', c.register);
  router.post('/login', c.login);
  router.post('/refresh', c.refresh);
  router.post('/password-reset/request', c.requestPasswordReset);
  router.post('/password-reset/confirm', c.confirmPasswordReset);
  router.post('/logout', ...signedIn, c.logout);
  router.post('/logout-all', ...signedIn, c.logoutAll);
  router.get('/sessions', ...signedIn, c.listSessions);
  router.delete('/sessions/:id', ...signedIn, c.revokeSession);
  router.post('/password', ...signedIn, c.changePassword);
  return router;
}
