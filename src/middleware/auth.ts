// Authentication for operations whose contract requires a token: `authenticate` turns a Bearer
// token into req.principal (401 otherwise). Which operations need it, and which permission they
// need, is read from the contract by middleware/operations.ts.
import type { RequestHandler } from 'express';
import type { Principal } from '../types/request-meta.ts';
import { UnauthenticatedError } from '../utils/errors.ts';

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
