// Wires the auth handlers.
import type { NodeEnv } from '../../config/config.ts';
import type { Handlers } from '../../types/handlers.ts';
import { createAuthController } from './auth.controller.ts';
import { authRoutes } from './auth.routes.ts';
import type { AuthService } from './auth.service.ts';

export function authModule(service: AuthService, env: NodeEnv): Handlers<'auth'> {
  return authRoutes(createAuthController(service, env));
}
