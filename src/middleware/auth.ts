// Authentication and authorisation for routes: `authenticate` turns a Bearer token into
// req.principal (401 otherwise); `requirePermission` checks the role's permissions (403).
import type { RequestHandler } from 'express';
import { can, type Permission } from '../api/auth/auth.permissions.ts';
import type { Principal } from '../types/request-meta.ts';
import { ForbiddenError, UnauthenticatedError } from '../utils/errors.ts';

export interface Authenticator {
  authenticate(token: string): Promise<Principal>;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

export function authenticate(authenticator: Authenticator): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    if (!header) throw new UnauthenticatedError();
    const match = BEARER.exec(header);
    if (!match?.[1] || header.length > 4096)
      throw new UnauthenticatedError('The access token is not valid.');
    req.principal = await authenticator.authenticate(match[1]);
    next();
  };
}

export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (!req.principal) throw new UnauthenticatedError();
    if (!can(req.principal.role, permission)) throw new ForbiddenError();
    next();
  };
}
