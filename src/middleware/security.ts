// HTTP hardening: security headers (helmet, with a CSP that allows nothing for JSON
// responses), CORS from an allowlist, and HTTPS enforcement behind a TLS-terminating proxy.
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config/config.ts';
import { ForbiddenError } from '../utils/errors.ts';

/** helmet's options: a CSP that allows nothing (JSON only), HSTS in production. */
export function helmetOptions(config: Config): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity:
      config.env === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginResourcePolicy: { policy: 'same-site' },
  };
}

type HeaderStep = readonly [name: string, value: string | undefined];

/**
 * The security headers helmet sets with these options, set on every response. None of them
 * depends on the request (no CSP directive is a function, no nonce), so helmet runs once, here,
 * against a response that records what it sets and removes, and each request replays that list
 * in the same order: the same headers as helmet's twelve middlewares and their dispatch, for a
 * loop of setHeader calls (docs/BENCHMARKS.md). tests/security.test.ts holds the headers equal
 * to helmet's own on a real response, in development and in production.
 */
export function securityHeaders(config: Config): RequestHandler {
  const steps: HeaderStep[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void steps.push([name, String(value)]),
    removeHeader: (name: string) => void steps.push([name, undefined]),
  };
  let passed = false;
  helmet(helmetOptions(config))({} as never, recorder as never, (error?: unknown) => {
    if (error !== undefined) throw error as Error;
    passed = true;
  });
  if (!passed) throw new Error('helmet did not set its headers at once: replay them per request');
  // Named: the benchmark's cost table finds helmet's layer by it (scripts/lib/profile-layers.ts).
  return function replayHelmetHeaders(_req, res, next) {
    for (const [name, value] of steps) {
      if (value === undefined) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    next();
  };
}

export const CORS_EXPOSED_HEADERS = [
  'X-Request-Id',
  'Retry-After',
  'Location',
  'ETag',
  'Idempotent-Replayed',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
];

/**
 * Every answer depends on the caller's Origin (an allowed one gets CORS headers, any other none),
 * so every answer says `Vary: Origin`, also when this request had no allowed Origin: otherwise a
 * browser or CDN would serve a cached public answer without CORS headers to a page that needs them.
 */
export function corsPolicy(config: Config): RequestHandler {
  const allowed = new Set(config.http.corsOrigins);
  const policy = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'X-Request-Id',
      'Idempotency-Key',
      'If-Match',
      'If-None-Match',
    ],
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  });
  return (req, res, next) => {
    res.vary('Origin');
    // Not a request from an allowed origin: the policy's origin callback would say false and
    // the policy go on without a header, so it is passed by (most requests have no Origin).
    const origin = req.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return next();
    policy(req, res, next);
  };
}

/**
 * Probes and metric scrapers talk to the instance directly over plain HTTP (the kubelet, a
 * Prometheus scraping pod IPs), so these stay reachable. /metrics is guarded by METRICS_TOKEN
 * or the network, not by the scheme.
 */
const PLAIN_HTTP_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * Behind a TLS-terminating proxy (with TRUST_PROXY set so that X-Forwarded-Proto is believed),
 * plain-HTTP reads are redirected to HTTPS and anything else is refused: a redirected POST would
 * already have sent its body (and credentials) in clear text.
 */
export function requireHttps(): RequestHandler {
  return (req, res, next) => {
    if (req.secure || PLAIN_HTTP_PATHS.has(req.path)) return next();
    if (req.method === 'GET' || req.method === 'HEAD') {
      return res.redirect(308, `https://${req.host}${req.originalUrl}`);
    }
    next(new ForbiddenError('This API is served over HTTPS only.'));
  };
}
