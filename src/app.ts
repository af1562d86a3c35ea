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
import { authenticate } from './middleware/auth.ts';
import { jsonBody, jsonOnly } from './middleware/body.ts';
import { dbContext } from './middleware/db-context.ts';
import { errorHandler, notFound } from './middleware/error-handler.ts';
import { openApiValidator } from './middleware/openapi-validator.ts';
import { quota } from './middleware/rate-limit.ts';
import { requestId } from './middleware/request-id.ts';
import { corsPolicy, requireHttps, securityHeaders } from './middleware/security.ts';
import type { Contract } from './utils/contract.ts';
import type { Lifecycle } from './utils/lifecycle.ts';
import type { Logger } from './utils/logger.ts';
import { createMetrics } from './utils/metrics.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  orm: Orm;
  contract: Contract;
  lifecycle: Lifecycle;
  services: Services;
}

export function createApp(deps: AppDeps): Express {
  const { config, logger, orm, contract, lifecycle, services } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.set('etag', false);

  const metrics = createMetrics(orm);
  app.use(requestId());
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
  app.use(openApiValidator(contract, config.http.validateResponses));
  app.use(dbContext(orm));

  app.use(systemModule(deps, metrics));

  const { quotas } = services;
  const { limits } = config;
  const limited = (limiter: string) => () => metrics.rateLimited.inc({ limiter });
  const guards = {
    authenticate: authenticate(services.auth),
    userQuota: quota({
      limiter: quotas.user,
      limit: limits.userPerMinute,
      key: (req) => req.principal?.userId,
      logger,
      onLimited: limited('user'),
    }),
    authQuota: quota({
      limiter: quotas.auth,
      limit: limits.authPerMinute,
      key: (req) => req.ip,
      logger,
      onLimited: limited('auth-ip'),
    }),
  };
  app.use(
    '/api',
    quota({
      limiter: quotas.api,
      limit: limits.apiPerMinute,
      key: (req) => req.ip,
      logger,
      onLimited: limited('api-ip'),
    }),
  );
  app.use('/api/v1/auth', authModule(services.auth, config.env, guards));
  app.use('/api/v1/users', usersModule(services.users, guards));
  app.use('/api/v1/products', productsModule(services.products, guards));
  app.use(
    '/api/v1/orders',
    ordersModule(services.orders, {
      ...guards,
      checkoutThrottle: quota({
        limiter: quotas.checkout,
        limit: config.orders.checkoutPerMinute,
        key: (req) => req.principal?.userId,
        logger,
        onLimited: limited('checkout'),
      }),
    }),
  );

  app.use(notFound());
  app.use(errorHandler({ logger, env: config.env }));
  return app;
}
