// The auth domain as the composition sees it: its entities and its handlers.
import type { NodeEnv } from '../../config/config.ts';
import type { Handlers } from '../../types/handlers.ts';
import { createAuthController } from './auth.controller.ts';
import { PasswordResetToken, RefreshToken, Session } from './auth.model.ts';
import { authRoutes } from './auth.routes.ts';
import type { AuthService } from './auth.service.ts';

export const authEntities = [Session, RefreshToken, PasswordResetToken];

export function authModule(service: AuthService, env: NodeEnv): Handlers<'auth'> {
  return authRoutes(createAuthController(service, env));
}
