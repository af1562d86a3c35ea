// The auth operations (tag `auth`), by operationId: public sign-up, sign-in, refresh and reset,
// and session management for signed-in users. Every one counts against the per-IP auth limit
// the contract names (`x-rate-limits: auth-ip`).
import type { Handlers } from '../../types/handlers.ts';
import type { AuthController } from './auth.controller.ts';

export function authRoutes(c: AuthController): Handlers<'auth'> {
  return {
    register: c.register,
    login: c.login,
    refresh: c.refresh,
    requestPasswordReset: c.requestPasswordReset,
    confirmPasswordReset: c.confirmPasswordReset,
    logout: c.logout,
    logoutAll: c.logoutAll,
    listSessions: c.listSessions,
    revokeSession: c.revokeSession,
    changePassword: c.changePassword,
  };
}
