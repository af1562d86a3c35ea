// Load shedding at the edge: while this instance is overloaded (utils/pressure.ts), a new
// request is answered at once with 503 SERVICE_UNAVAILABLE and `Retry-After`, before its body is
// read, validated or anything is asked of the database. The contract documents that answer for
// every operation. Probes and the metrics scraper are always let through: /health must keep
// answering (a shed liveness probe would restart a busy pod), /ready says why the instance is
// not ready, /metrics shows the pressure.
import type { RequestHandler } from 'express';
import { OverloadedError } from '../utils/errors.ts';
import type { Metrics } from '../utils/metrics.ts';
import type { Pressure } from '../utils/pressure.ts';
import { sendError } from './error-handler.ts';

const ALWAYS_ADMITTED = new Set(['/health', '/ready', '/metrics']);

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export function shedLoad(pressure: Pressure, metrics: Metrics): RequestHandler {
  const error = new OverloadedError(pressure.limits.retryAfterSeconds);
  return (req, res, next) => {
    if (ALWAYS_ADMITTED.has(pathOf(req.url))) return next();
    const reason = pressure.admit();
    if (reason !== undefined) {
      metrics.shed.inc({ reason });
      return sendError(req, res, error);
    }
    res.once('close', () => pressure.release());
    next();
  };
}
