// Times every request into the http_request_duration_seconds histogram. The route label is the
// contract's path template (set by the validator), so ids never blow up the label set.
import type { RequestHandler } from 'express';
import type { Metrics } from '../utils/metrics.ts';

type WithRoute = { openapi?: { openApiRoute?: string } };

export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    // Observed directly, not through startTimer(), whose end() makes two closures, a merged
    // labels object and an hrtime pair per request for the same observation.
    const started = performance.now();
    res.on('finish', () => {
      const route = (req as WithRoute).openapi?.openApiRoute ?? 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      metrics.httpDuration.observe(labels, (performance.now() - started) / 1000);
    });
    next();
  };
}
