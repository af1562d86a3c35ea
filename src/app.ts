// Builds the Express application from explicit dependencies. Nothing here reads the
// environment, opens connections or listens: server.ts and the tests do that.
import express, { type Express } from 'express';
import { systemModule } from './api/system/index.ts';
import type { Config } from './config/config.ts';
import type { Orm } from './db/orm.ts';
import { accessLog } from './middleware/access-log.ts';
import { jsonBody, jsonOnly } from './middleware/body.ts';
import { dbContext } from './middleware/db-context.ts';
import { errorHandler, notFound } from './middleware/error-handler.ts';
import { openApiValidator } from './middleware/openapi-validator.ts';
import { requestId } from './middleware/request-id.ts';
import { corsPolicy, requireHttps, securityHeaders } from './middleware/security.ts';
import type { Contract } from './utils/contract.ts';
import type { Lifecycle } from './utils/lifecycle.ts';
import type { Logger } from './utils/logger.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  orm: Orm;
  contract: Contract;
  lifecycle: Lifecycle;
}

export function createApp(deps: AppDeps): Express {
  const { config, logger, orm, contract, lifecycle } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.set('etag', false);

  app.use(requestId());
  app.use(accessLog(logger));
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

  app.use(systemModule(deps));

  app.use(notFound());
  app.use(errorHandler({ logger, env: config.env }));
  return app;
}
