// One log line per request: method, path (never the query string, which may hold tokens),
// status and duration. Bodies and headers are never logged. The line is built directly when the
// logger writes to stdout (logRequest: the same line as winston's, for a fraction of its CPU).
import type { RequestHandler } from 'express';
import { logRequest, type Logger, type RequestLineFields } from '../utils/logger.ts';

export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const path = req.originalUrl.split('?', 1)[0] ?? '';
    let logged = false;
    const log = (): void => {
      if (logged) return;
      logged = true;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const fields: RequestLineFields = {
        requestId: req.id,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 100) / 100,
        ip: req.ip,
      };
      // The client went away before the response was complete.
      if (!res.writableFinished) fields.aborted = true;
      logRequest(logger, fields);
    };
    // Whichever comes first (`close` follows `finish` on every answered request): `on`, not
    // `once`, so that no wrapper is made and removed per request.
    res.on('finish', log);
    res.on('close', log);
    next();
  };
}
