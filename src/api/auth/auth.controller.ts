// HTTP for auth: bodies in and out per the contract, the refresh cookie, status codes.
import type { components } from '../../../generated/api.d.ts';
import type { NodeEnv } from '../../config/config.ts';
import type { CookieToSet, Handler } from '../../types/handlers.ts';
import { UnauthenticatedError } from '../../utils/errors.ts';
import { toPublicUser } from '../users/users.controller.ts';
import { inRequest } from '../../utils/http-errors.ts';
import type { AuthService, IssuedTokens } from './auth.service.ts';

export const REFRESH_COOKIE = 'refresh_token';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
const NO_STORE = { 'Cache-Control': 'no-store' };

// Longer than 80 lines on purpose: a factory whose body is the small functions it hands out
// (each well under 80 lines), closed over the same dependencies.
export function createAuthController(service: AuthService, env: NodeEnv) {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: REFRESH_COOKIE_PATH,
    secure: env !== 'development',
  };
  const clearCookie: CookieToSet = {
    name: REFRESH_COOKIE,
    value: undefined,
    options: cookieOptions,
  };

  /**
   * The tokens as a body and the refresh cookie. Browsers (which send Sec-Fetch-Site, and can
   * neither forge nor remove it) get the refresh token only in the HttpOnly cookie.
   */
  function issued(tokens: IssuedTokens, secFetchSite: string | undefined) {
    const data: components['schemas']['AuthResult']['data'] = {
      user: toPublicUser(tokens.user),
      accessToken: tokens.accessToken,
      expiresIn: tokens.expiresIn,
      ...(secFetchSite === undefined ? { refreshToken: tokens.refreshToken } : {}),
    };
    return {
      headers: NO_STORE,
      cookies: [
        {
          name: REFRESH_COOKIE,
          value: tokens.refreshToken,
          options: {
            ...cookieOptions,
            maxAge: Math.max(0, tokens.refreshExpiresAt.getTime() - Date.now()),
          },
        },
      ],
      body: { status: 'success' as const, data },
    };
  }

  const register: Handler<'register'> = async ({ body, headers }, { meta }) => ({
    status: 201,
    ...issued(
      await inRequest('body', () => service.register(body, meta)),
      headers['Sec-Fetch-Site'],
    ),
  });

  const login: Handler<'login'> = async ({ body, headers }, { meta }) => ({
    status: 200,
    ...issued(await service.login(body, meta), headers['Sec-Fetch-Site']),
  });

  const refresh: Handler<'refresh'> = async ({ body, headers, cookies }, { meta }) => {
    const token = body?.refreshToken ?? cookies.refresh_token;
    const rejected = (error: UnauthenticatedError) =>
      ({
        status: 401,
        code: 'UNAUTHENTICATED',
        message: error.message,
        cookies: [clearCookie],
      }) as const;
    if (!token) return rejected(new UnauthenticatedError('No refresh token was sent.'));
    try {
      return {
        status: 200,
        ...issued(await service.refresh(token, meta), headers['Sec-Fetch-Site']),
      };
    } catch (error) {
      if (error instanceof UnauthenticatedError) return rejected(error);
      throw error;
    }
  };

  const logout: Handler<'logout'> = async (_input, { principal, meta }) => {
    await service.logout(principal, meta);
    return { status: 204, cookies: [clearCookie] };
  };

  const logoutAll: Handler<'logoutAll'> = async (_input, { principal, meta }) => {
    await service.logoutAll(principal, meta);
    return { status: 204, cookies: [clearCookie] };
  };

  const listSessions: Handler<'listSessions'> = async (_input, { principal }) => {
    const sessions = await service.listSessions(principal);
    return {
      status: 200,
      headers: NO_STORE,
      body: {
        status: 'success',
        data: sessions.map((s) => ({
          id: s.id,
          current: s.id === principal.sessionId,
          createdAt: s.createdAt.toISOString(),
          lastUsedAt: s.lastUsedAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ip: s.ip ?? null,
          userAgent: s.userAgent ?? null,
        })),
      },
    };
  };

  const revokeSession: Handler<'revokeSession'> = async ({ params }, { principal, meta }) => {
    await service.revokeSession(principal, params.id, meta);
    return { status: 204 };
  };

  const changePassword: Handler<'changePassword'> = async ({ body }, { principal, meta }) => {
    await inRequest('body', () => service.changePassword(principal, body, meta));
    return { status: 204 };
  };

  const requestPasswordReset: Handler<'requestPasswordReset'> = async ({ body }, { meta }) => {
    await service.requestPasswordReset(body.email, meta);
    return { status: 202 };
  };

  const confirmPasswordReset: Handler<'confirmPasswordReset'> = async ({ body }, { meta }) => {
    await inRequest('body', () => service.confirmPasswordReset(body, meta));
    return { status: 204 };
  };

  return {
    register,
    login,
    refresh,
    logout,
    logoutAll,
    listSessions,
    revokeSession,
    changePassword,
    requestPasswordReset,
    confirmPasswordReset,
  };
}

export type AuthController = ReturnType<typeof createAuthController>;
