// The RequestMeta the edge hands to services: who asked, from where, under which request id.
import type { Request } from 'express';
import type { RequestMeta } from '../types/request-meta.ts';

export function requestMeta(req: Request): RequestMeta {
  return { ip: req.ip, userAgent: req.get('user-agent'), requestId: req.id };
}
