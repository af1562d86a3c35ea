// The RequestMeta a controller hands to services, and the Principal of an authenticated route.
import type { Request } from 'express';
import type { Principal, RequestMeta } from '../types/request-meta.ts';
import { UnauthenticatedError } from './errors.ts';

export function requestMeta(req: Request): RequestMeta {
  return { ip: req.ip, userAgent: req.get('user-agent'), requestId: req.id };
}

export function principalOf(req: Request): Principal {
  if (!req.principal) throw new UnauthenticatedError();
  return req.principal;
}
