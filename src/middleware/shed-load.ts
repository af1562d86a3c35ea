// Load shedding at the edge: while this instance is overloaded (utils/pressure.ts), a new
// request is answered with 503 SERVICE_UNAVAILABLE and `Retry-After`, after a short pause
// (`OVERLOAD_SHED_PAUSE_MS`, below). The contract documents that answer for every operation.
// Probes and the metrics scraper are always let through: /health must keep answering (a shed
// liveness probe would restart a busy pod), /ready says why the instance is not ready,
// /metrics shows the pressure.
//
// A shed request must cost far less than a served one, or a server at three times its capacity
// spends itself refusing: `beforeBody` runs right after the request id, before the access log,
// the security headers, the body, the validators and the database. Only the CORS policy runs on
// a shed request (a few microseconds), so that a browser page can read the 503 and its
// Retry-After instead of seeing a network error, and a preflight is answered rather than shed:
// refusing it would make the browser fail the real request without sending it, unreadably.
// Requests with a body are counted in flight only once their body has arrived (`afterBody`), so
// that clients dribbling a body (slowloris) hold a connection, cut by HTTP_REQUEST_TIMEOUT_MS,
// but never an in-flight slot that real work needs.
import type { Request, RequestHandler, Response } from 'express';
import { OverloadedError } from '../utils/errors.ts';
import type { Metrics } from '../utils/metrics.ts';
import type { Pressure, PressureReason } from '../utils/pressure.ts';
import { hasBody } from './body.ts';
import { sendError } from './error-handler.ts';

const ALWAYS_ADMITTED = new Set(['/health', '/ready', '/metrics']);
/** Marks a request counted in flight (its slot is declared with the request class, app.ts). */
export const ADMITTED = Symbol('counted in flight');
type Counted = Request & { [ADMITTED]?: true };

function exempt(req: Request): boolean {
  const query = req.url.indexOf('?');
  return ALWAYS_ADMITTED.has(query === -1 ? req.url : req.url.slice(0, query));
}

/** `cors`: the app's CORS policy (security.ts corsPolicy), run on every shed request. */
export function shedLoad(
  pressure: Pressure,
  metrics: Metrics,
  cors: RequestHandler,
): { beforeBody: RequestHandler; afterBody: RequestHandler } {
  const error = new OverloadedError(pressure.limits.retryAfterSeconds);
  const { shedPauseMs } = pressure.limits;
  const answer = (req: Request, res: Response, reason: PressureReason) => {
    if (req.socket.destroyed) return; // the client left during the pause
    // The policy answers a preflight itself (204) and calls back for anything else, at once.
    cors(req, res, () => {
      metrics.shed.inc({ reason });
      // A body not read yet never will be: close after the answer rather than wait for it.
      if (hasBody(req.headers) && !req.complete) res.setHeader('Connection', 'close');
      sendError(req, res, error);
    });
  };
  // The pause (OVERLOAD_SHED_PAUSE_MS) costs a timer, not CPU: a client that sends again at once
  // what was refused is held to one refusal per pause on each connection, instead of as many as
  // the instance can write, which took the CPU the admitted requests needed, kept them over
  // the latency target and so the in-flight bound down, for as long as the clients kept at it
  // (ADR 0013: `npm run bench:memory`, 50 connections, 82,000–154,000 refusals in 5 s).
  const shed = (req: Request, res: Response, reason: PressureReason) => {
    if (shedPauseMs > 0) setTimeout(answer, shedPauseMs, req, res, reason);
    else answer(req, res, reason);
  };
  const admit = (req: Counted, res: Response): PressureReason | undefined => {
    const reason = pressure.admit();
    if (reason !== undefined) return reason;
    req[ADMITTED] = true;
    const admittedAt = performance.now();
    res.once('close', () => pressure.release(admittedAt));
    return undefined;
  };
  return {
    beforeBody: (req, res, next) => {
      if (exempt(req)) return next();
      const reason = pressure.sampled() ?? (hasBody(req.headers) ? undefined : admit(req, res));
      if (reason === undefined) return next();
      shed(req, res, reason);
    },
    afterBody: (req: Counted, res, next) => {
      if (req[ADMITTED] || exempt(req)) return next();
      const reason = admit(req, res);
      if (reason === undefined) return next();
      shed(req, res, reason);
    },
  };
}
