// Builds the Express application from explicit dependencies. Nothing here reads the
// environment, opens connections or listens: server.ts and the tests do that.
import express, { type Express } from 'express';
import { authModule } from './api/auth/index.ts';
import type { Services } from './api/index.ts';
import { ordersModule } from './api/orders/index.ts';
import { productsModule } from './api/products/index.ts';
import { systemModule } from './api/system/index.ts';
import { usersModule } from './api/users/index.ts';
import type { Config } from './config/config.ts';
import type { Orm } from './db/orm.ts';
import { accessLog } from './middleware/access-log.ts';
import { httpMetrics } from './middleware/metrics.ts';
import { jsonBody, jsonOnly } from './middleware/body.ts';
import { dbContext } from './middleware/db-context.ts';
import { errorHandler, notFound } from './middleware/error-handler.ts';
import { openApiValidator } from './middleware/openapi-validator.ts';
import {
  operationRouter,
  type OperationTable,
  type RateLimit,
  type RateLimitName,
} from './middleware/operations.ts';
import { quota } from './middleware/rate-limit.ts';
import { requestId } from './middleware/request-id.ts';
import { shedLoad } from './middleware/shed-load.ts';
import { corsPolicy, requireHttps, securityHeaders } from './middleware/security.ts';
import type { AllHandlers } from './types/handlers.ts';
import type { Contract } from './utils/contract.ts';
import type { Lifecycle } from './utils/lifecycle.ts';
import type { Logger } from './utils/logger.ts';
import type { Metrics } from './utils/metrics.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  orm: Orm;
  contract: Contract;
  lifecycle: Lifecycle;
  services: Services;
  /** createMetrics(orm): made by the caller, so start-up can collect once before listening. */
  metrics: Metrics;
  /** The operation table of `contract` when it is not generated/'s (tests/deprecation.test.ts). */
  operations?: OperationTable;
}

export function createApp(deps: AppDeps): Express {
  const { config, logger, orm, contract, lifecycle, services, metrics } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.set('etag', false);

  app.use(requestId());
  // Load shedding first, so that refusing costs little (shed-load.ts says why in two steps).
  const shed = lifecycle.pressure && shedLoad(lifecycle.pressure, metrics);
  if (shed) app.use(shed.beforeBody);
  app.use(accessLog(logger));
  app.use(httpMetrics(metrics));
  app.use((_req, res, next) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  });
  app.use(securityHeaders(config));
  app.use(corsPolicy(config));
  if (config.http.requireHttps) app.use(requireHttps());
  app.use(jsonOnly());
  app.use(jsonBody(config.http.bodyLimit));
  if (shed) app.use(shed.afterBody);
  app.use(openApiValidator(contract, config.http.validateResponses));
  app.use(dbContext(orm));

  const { quotas } = services;
  const { limits } = config;
  const limit = (
    name: RateLimitName,
    keyedBy: RateLimit['keyedBy'],
    limiter: Parameters<typeof quota>[0]['limiter'],
    points: number,
  ): RateLimit => ({
    keyedBy,
    middleware: quota({
      limiter,
      limit: points,
      key: keyedBy === 'ip' ? (req) => req.ip : (req) => req.principal?.userId,
      logger,
      onLimited: () => metrics.rateLimited.inc({ limiter: name }),
    }),
  });
  // Every operation of the contract, guarded as its `security`, `x-permission` and
  // `x-rate-limits` say; the compiler insists every operation has its handler.
  const handlers: AllHandlers = {
    ...systemModule(deps, metrics),
    ...authModule(services.auth, config.env),
    ...usersModule(services.users),
    ...productsModule(services.products),
    ...ordersModule(services.orders),
  };
  app.use(
    operationRouter({
      handlers,
      operations: deps.operations,
      authenticator: services.auth,
      rateLimits: {
        'api-ip': limit('api-ip', 'ip', quotas.api, limits.apiPerMinute),
        'auth-ip': limit('auth-ip', 'ip', quotas.auth, limits.authPerMinute),
        user: limit('user', 'user', quotas.user, limits.userPerMinute),
        checkout: limit('checkout', 'user', quotas.checkout, config.orders.checkoutPerMinute),
      },
    }),
  );

  app.use(notFound());
  app.use(errorHandler({ logger, env: config.env, bodyLimit: config.http.bodyLimit }));
  return app;
}
