// Gives every request an id: the caller's X-Request-Id when it is sane, else a new UUID. The id
// is echoed in the response, put in every log line (via the request context) and in errors.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { requestIdPattern } from '../../generated/operations.ts';
import { runWithRequestContext } from '../utils/request-context.ts';

/** The contract's pattern for X-Request-Id (components.headers.XRequestId). */
const SANE_ID = new RegExp(requestIdPattern);

export function requestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    runWithRequestContext({ requestId: id }, next);
  };
}
