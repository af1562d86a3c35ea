// HTTP for auth: bodies in and out per the contract, the refresh cookie, status codes.
import { parse as parseCookie } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import type { components } from '../../../generated/api.d.ts';
import type { NodeEnv } from '../../config/config.ts';
import { UnauthenticatedError } from '../../utils/errors.ts';
import { principalOf, requestMeta } from '../../utils/request-meta.ts';
import { toPublicUser } from '../users/users.service.ts';
import type { AuthService, IssuedTokens } from './auth.service.ts';

type Schemas = components['schemas'];
type AuthResult = Schemas['AuthResult'];
type SessionList = Schemas['SessionList'];

export const REFRESH_COOKIE = 'refresh_token';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * Browsers send Sec-Fetch-Site on every request, and scripts can neither forge nor remove it.
 * (Sec-Fetch-Mode alone is no sign: Node's own fetch sends it too.)
 */
function fromBrowser(req: Request): boolean {
  return req.get('sec-fetch-site') !== undefined;
}

export function createAuthController(service: AuthService, env: NodeEnv) {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: REFRESH_COOKIE_PATH,
    secure: env !== 'development',
  };

  function sendTokens(req: Request, res: Response, status: number, tokens: IssuedTokens): void {
    res.cookie(REFRESH_COOKIE, tokens.refreshToken, {
      ...cookieOptions,
      maxAge: Math.max(0, tokens.refreshExpiresAt.getTime() - Date.now()),
    });
    res.set('Cache-Control', 'no-store');
    const body: AuthResult = {
      status: 'success',
      data: {
        user: toPublicUser(tokens.user),
        accessToken: tokens.accessToken,
        expiresIn: tokens.expiresIn,
        ...(fromBrowser(req) ? {} : { refreshToken: tokens.refreshToken }),
      },
    };
    res.status(status).json(body);
  }

  function clearCookie(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, cookieOptions);
  }

  const register: RequestHandler = async (req, res) => {
    const body = req.body as Schemas['RegisterRequest'];
    sendTokens(req, res, 201, await service.register(body, requestMeta(req)));
  };

  const login: RequestHandler = async (req, res) => {
    const body = req.body as Schemas['LoginRequest'];
    sendTokens(req, res, 200, await service.login(body, requestMeta(req)));
  };

  const refresh: RequestHandler = async (req, res) => {
    const body = req.body as Schemas['RefreshRequest'] | undefined;
    const token = body?.refreshToken ?? parseCookie(req.get('cookie') ?? '')[REFRESH_COOKIE];
    if (!token) throw new UnauthenticatedError('No refresh token was sent.');
    try {
      sendTokens(req, res, 200, await service.refresh(token, requestMeta(req)));
    } catch (error) {
      if (error instanceof UnauthenticatedError) clearCookie(res);
      throw error;
    }
  };

  const logout: RequestHandler = async (req, res) => {
    await service.logout(principalOf(req), requestMeta(req));
    clearCookie(res);
    res.status(204).end();
  };

  const logoutAll: RequestHandler = async (req, res) => {
    await service.logoutAll(principalOf(req), requestMeta(req));
    clearCookie(res);
    res.status(204).end();
  };

  const listSessions: RequestHandler = async (req, res) => {
    const principal = principalOf(req);
    const sessions = await service.listSessions(principal);
    const body: SessionList = {
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
    };
    res.set('Cache-Control', 'no-store').json(body);
  };

  const revokeSession: RequestHandler = async (req, res) => {
    await service.revokeSession(principalOf(req), String(req.params['id']), requestMeta(req));
    res.status(204).end();
  };

  const changePassword: RequestHandler = async (req, res) => {
    const body = req.body as Schemas['ChangePasswordRequest'];
    await service.changePassword(principalOf(req), body, requestMeta(req));
    res.status(204).end();
  };

  const requestPasswordReset: RequestHandler = async (req, res) => {
    const body = req.body as Schemas['PasswordResetRequest'];
    await service.requestPasswordReset(body.email, requestMeta(req));
    res.status(202).end();
  };

  const confirmPasswordReset: RequestHandler = async (req, res) => {
    const body = req.body as Schemas['PasswordResetConfirm'];
    await service.confirmPasswordReset(body, requestMeta(req));
    res.status(204).end();
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
