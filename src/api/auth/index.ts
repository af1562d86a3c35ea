// Wires the auth routes.
import type { Router } from 'express';
import type { NodeEnv } from '../../config/config.ts';
import { createAuthController } from './auth.controller.ts';
import { authRoutes, type AuthGuards } from './auth.routes.ts';
import type { AuthService } from './auth.service.ts';

export function authModule(service: AuthService, env: NodeEnv, guards: AuthGuards): Router {
  return authRoutes(createAuthController(service, env), guards);
}
