// Times every request into the http_request_duration_seconds histogram. The route label is the
// contract's path template (set by the validator), so ids never blow up the label set.
import type { RequestHandler } from 'express';
import type { Metrics } from '../utils/metrics.ts';

type WithRoute = { openapi?: { openApiRoute?: string } };

export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = (req as WithRoute).openapi?.openApiRoute ?? 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
