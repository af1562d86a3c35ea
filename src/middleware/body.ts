// The API speaks JSON only. A request that carries a body must say it is JSON (415 otherwise);
// the body is then parsed with a size limit (413) and must be well-formed (400 INVALID_JSON).
import express, { type RequestHandler } from 'express';
import { UnsupportedMediaTypeError } from '../utils/errors.ts';

/** The request says it carries a body (a length above zero, or chunked). */
export function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function jsonOnly(): RequestHandler {
  return (req, _res, next) => {
    if (hasBody(req.headers) && req.is('application/json') === false) {
      return next(new UnsupportedMediaTypeError());
    }
    next();
  };
}

export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true, type: 'application/json' });
  return (req, res, next) => {
    // No body at all (body-parser's own test: no Transfer-Encoding, no numeric Content-Length),
    // as on most GETs: what the parser would do, without its stream checks and option lookups.
    const length = req.headers['content-length'];
    if (
      req.headers['transfer-encoding'] === undefined &&
      (length === undefined || isNaN(+length))
    ) {
      if (!('body' in (req as object))) req.body = undefined;
      return next();
    }
    parse(req, res, next);
  };
}
