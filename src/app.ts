// Builds the Express application from explicit dependencies. Nothing here reads the
// environment, opens connections or listens: runtime.ts opens them, server.ts and the tests
// listen. The HTTP quotas (x-rate-limits) are built here, once, from one table.
import { IncomingMessage, ServerResponse, type ServerOptions } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import { can, createHandlers, type Services } from './api/index.ts';
import type { Config } from './config/config.ts';
import type { Orm } from './db/orm.ts';
import { accessLog } from './middleware/access-log.ts';
import { httpMetrics } from './middleware/metrics.ts';
import { jsonBody, jsonOnly } from './middleware/body.ts';
import { dbContext } from './middleware/db-context.ts';
import { pipeline } from './middleware/pipeline.ts';
import { errorHandler, notFound } from './middleware/error-handler.ts';
import { CONTEXT, HEAD, openApiValidatorParts } from './middleware/openapi-validator.ts';
import {
  operationGuards,
  operationRouter,
  type OperationTable,
  type RateLimit,
  type RateLimitName,
} from './middleware/operations.ts';
import { quota, REMAINING } from './middleware/rate-limit.ts';
import { requestId } from './middleware/request-id.ts';
import { ADMITTED, shedLoad } from './middleware/shed-load.ts';
import { corsPolicy, requireHttps, securityHeaders } from './middleware/security.ts';
import type { Contract } from './utils/contract.ts';
import type { Lifecycle } from './utils/lifecycle.ts';
import type { Logger } from './utils/logger.ts';
import type { Metrics } from './utils/metrics.ts';
import { createLimiter } from './utils/rate-limiter.ts';
import type { RedisClient } from './utils/redis.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  orm: Orm;
  contract: Contract;
  lifecycle: Lifecycle;
  services: Services;
  /** Shared quota counters across instances (REDIS_URL); PostgreSQL or memory without. */
  redis?: RedisClient | undefined;
  /** createMetrics(orm): made by the caller, so start-up can collect once before listening. */
  metrics: Metrics;
  /** The operation table of `contract` when it is not generated/'s (tests/deprecation.test.ts). */
  operations?: OperationTable;
}

/** Each quota the contract names (`x-rate-limits`): what it counts by and how many a minute. */
const QUOTAS: Record<
  RateLimitName,
  { keyedBy: RateLimit['keyedBy']; perMinute: (c: Config) => number }
> = {
  'api-ip': { keyedBy: 'ip', perMinute: (c) => c.limits.apiPerMinute },
  'auth-ip': { keyedBy: 'ip', perMinute: (c) => c.limits.authPerMinute },
  user: { keyedBy: 'user', perMinute: (c) => c.limits.userPerMinute },
  checkout: { keyedBy: 'user', perMinute: (c) => c.orders.checkoutPerMinute },
};

export function createApp(deps: AppDeps): Express {
  const { config, logger, orm, contract, lifecycle, services, metrics } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.set('etag', false);

  const edge: RequestHandler[] = [requestId()];
  const cors = corsPolicy(config);
  // Load shedding first, so that refusing costs little (shed-load.ts says why in two steps).
  const shed = lifecycle.pressure && shedLoad(lifecycle.pressure, metrics, cors);
  if (shed) edge.push(shed.beforeBody);
  edge.push(accessLog(logger), httpMetrics(metrics));
  edge.push((_req, res, next) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  });
  edge.push(securityHeaders(config), cors);
  if (config.http.requireHttps) edge.push(requireHttps());
  edge.push(jsonOnly(), jsonBody(config.http.bodyLimit));
  if (shed) edge.push(shed.afterBody);
  const validator = openApiValidatorParts(contract, config.http.validateResponses);
  // The operation first, then its guards, then what the request says (operations.ts says why).
  edge.push(...validator.match, dbContext(orm));

  const stores = { orm, redis: deps.redis };
  const rateLimits = Object.fromEntries(
    Object.entries(QUOTAS).map(([name, { keyedBy, perMinute }]) => {
      const limit = perMinute(config);
      const limiter = createLimiter(
        { keyPrefix: name, points: limit, durationSeconds: 60 },
        'volatile',
        stores,
      );
      const middleware = quota({
        limiter,
        limit,
        key: keyedBy === 'ip' ? (req) => req.ip : (req) => req.principal?.userId,
        logger,
        onLimited: () => metrics.rateLimited.inc({ limiter: name }),
      });
      return [name, { keyedBy, middleware }];
    }),
  ) as Record<RateLimitName, RateLimit>;
  // Every operation of the contract, guarded as its `security`, `x-permission` and
  // `x-rate-limits` say, then validated; the compiler insists every operation has its handler.
  const operations = {
    handlers: createHandlers(services, {
      env: config.env,
      contract,
      metrics,
      metricsConfig: config.metrics,
    }),
    operations: deps.operations,
    authenticator: services.auth,
    can,
    rateLimits,
  };
  edge.push(operationGuards(operations), ...validator.validate, operationRouter(operations));
  // One layer for Express's router to walk instead of one per step (pipeline.ts says why).
  app.use(pipeline(edge));

  app.use(notFound());
  app.use(errorHandler({ logger, env: config.env, bodyLimit: config.http.bodyLimit }));
  return app;
}

/** The classes a server makes its requests and responses with (`http.createServer` options). */
export type NodeClasses = Required<Pick<ServerOptions, 'IncomingMessage' | 'ServerResponse'>>;

/**
 * The options Node serves an app with, given its classes (nodeClassesFor): those classes, and a
 * request that announces no body (neither Content-Length nor Transfer-Encoding: by HTTP/1.1 it
 * has none) born with its body stream already ended (`optimizeEmptyRequests`, Node 24.12), so
 * Node skips the stream's life cycle (its readable, end and close events and the ticks they are
 * scheduled in) on every GET. Nothing here reads a body the request did not announce
 * (middleware/body.ts parses only with a length or chunks). Measured in docs/BENCHMARKS.md.
 */
export function servingOptions(classes: NodeClasses): ServerOptions {
  return { ...classes, optimizeEmptyRequests: true };
}

/**
 * Node's request and response classes for the server that serves `app` (`http.createServer({
 * ...nodeClassesFor(app) }, app)`): the objects Node makes for each request are born with the
 * app's own prototypes (Express's `req`/`res` methods over Node's), instead of being made as
 * Node's and moved onto them by Express's `app.handle` (`Object.setPrototypeOf`, per request).
 * Setting the prototype an object already has is a no-op to V8, and every request object keeps
 * one hidden class from birth, so the code that reads it (Node's, Express's, ours) sees one
 * shape instead of two. The classes extend Node's, so V8 sizes their objects for what Node's
 * constructors set; their prototypes take the place of `app.request` and `app.response` (the
 * same properties over the same Express prototypes), so this is called once per app, before it
 * serves. Measured in docs/BENCHMARKS.md (issue 17).
 *
 * `like`: another app's classes, which this app then serves with, prototypes included (its
 * `req.app` is that app). The start-up rehearsal's app (src/rehearsal.ts) takes the served
 * app's, so that the requests it serves have the very shapes the served ones will have and
 * what V8 compiled for them still fits; both apps are built by createApp with the same Express
 * settings, which is all Express reads from `req.app`.
 */
export function nodeClassesFor(app: Express, like?: NodeClasses): NodeClasses {
  if (like) {
    app.request = like.IncomingMessage.prototype as Express['request'];
    app.response = like.ServerResponse.prototype as Express['response'];
    return like;
  }
  // Born with a slot for every property Express, the router and this app's middleware give a
  // request or response as it is served (each undefined, or the value its prototype has), in one
  // fixed order: every request object then keeps the one hidden class it was born with, whatever
  // its route, instead of one per order of additions (and a new property store each time one
  // outgrows it). Node sets `_eventsCount` on the first listener (0 on EventEmitter's prototype)
  // and the router its tracing symbols later; `query` is not declared: Express's is a getter.
  // tests/request-shapes.test.ts fails on a property the app adds that has no slot here.
  class AppRequest extends IncomingMessage {
    constructor(...args: ConstructorParameters<typeof IncomingMessage>) {
      super(...args);
      const slots = this as unknown as Record<PropertyKey, unknown>;
      slots['_eventsCount'] = 0;
      slots['res'] = undefined; // Express's app.handle
      slots['next'] = undefined;
      slots['baseUrl'] = undefined; // the router
      slots['originalUrl'] = undefined;
      slots['_parsedUrl'] = undefined; // parseurl's cache
      slots['params'] = undefined;
      slots['id'] = undefined; // middleware/request-id.ts
      slots['body'] = undefined; // middleware/body.ts, body-parser
      slots['openapi'] = undefined; // the contract's validator
      slots['principal'] = undefined; // middleware/auth.ts
      slots[ADMITTED] = undefined; // middleware/shed-load.ts
      slots[HEAD] = undefined; // middleware/openapi-validator.ts
      slots[CONTEXT] = undefined; // the same, for the validator's own lookup
    }
  }
  class AppResponse extends ServerResponse {
    // Node passes (req, options); the typings know only req.
    constructor(...args: ConstructorParameters<typeof ServerResponse>) {
      super(...args);
      const slots = this as unknown as Record<PropertyKey, unknown>;
      slots['locals'] = undefined; // Express's app.handle
      slots['statusCode'] = 200; // as on ServerResponse.prototype, until writeHead
      slots['statusMessage'] = undefined;
      slots[REMAINING] = undefined; // middleware/rate-limit.ts
    }
  }
  for (const [Class, key] of [
    [AppRequest, 'request'],
    [AppResponse, 'response'],
  ] as const) {
    const current = app[key] as object;
    Object.setPrototypeOf(Class.prototype, Object.getPrototypeOf(current) as object);
    Object.defineProperties(Class.prototype, Object.getOwnPropertyDescriptors(current));
    app[key] = Class.prototype as never;
  }
  return { IncomingMessage: AppRequest, ServerResponse: AppResponse as typeof ServerResponse };
}
