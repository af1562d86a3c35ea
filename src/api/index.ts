// The composition root of the domains: the one list of them. It hands their entities to the ORM
// set-up (runtime.ts), builds their services from the process's dependencies and their handlers
// for the HTTP edge (app.ts). Domains reach each other only through what is built here: users
// gets auth's session revocation as a port. Adding a domain touches this file once per list.
import type { Config } from '../config/config.ts';
import type { Orm } from '../db/orm.ts';
import type { JobSender } from '../jobs/queue.ts';
import type { AllHandlers } from '../types/handlers.ts';
import type { Contract } from '../utils/contract.ts';
import type { Lifecycle } from '../utils/lifecycle.ts';
import type { Logger } from '../utils/logger.ts';
import type { Mailer } from '../utils/mailer.ts';
import type { Metrics } from '../utils/metrics.ts';
import { createLimiter, type LimiterStores } from '../utils/rate-limiter.ts';
import type { RedisClient } from '../utils/redis.ts';
import { createRevocationBus } from '../utils/revocations.ts';
import { auditEntities } from './audit/index.ts';
import { createAuditRepository } from './audit/audit.repository.ts';
import { createAuditService } from './audit/audit.service.ts';
import { assertStrong, hashPassword, verifyPassword } from './auth/auth.passwords.ts';
import { createAuthRepository } from './auth/auth.repository.ts';
import { createAuthService, type AuthService } from './auth/auth.service.ts';
import { authEntities, authModule } from './auth/index.ts';
import { ordersEntities, ordersModule } from './orders/index.ts';
import { createOrdersRepository } from './orders/orders.repository.ts';
import { createOrdersService } from './orders/orders.service.ts';
import { productsEntities, productsModule } from './products/index.ts';
import { createProductsRepository } from './products/products.repository.ts';
import { createProductsService } from './products/products.service.ts';
import { systemModule } from './system/index.ts';
import { createSystemRepository } from './system/system.repository.ts';
import { createSystemService } from './system/system.service.ts';
import { usersEntities, usersModule } from './users/index.ts';
import { createUsersRepository } from './users/users.repository.ts';
import { createUsersService } from './users/users.service.ts';

// What the edge and the warm-up need of auth beyond its service: the role policy that
// middleware/operations.ts enforces, and what is made before listening (the no-account hash and
// the password-strength dictionaries).
export { can } from './auth/auth.permissions.ts';
export { dummyHash, prepareStrengthEstimator } from './auth/auth.passwords.ts';
export { signAccessToken, verifyAccessToken } from './auth/auth.tokens.ts';

/** Every entity the ORM knows: each domain hands over its own (db/ imports no domain). */
export const entities = [
  ...usersEntities,
  ...authEntities,
  ...auditEntities,
  ...productsEntities,
  ...ordersEntities,
];

export interface ServiceDeps {
  config: Config;
  logger: Logger;
  orm: Orm;
  redis?: RedisClient | undefined;
  queue: JobSender;
  mailer: Mailer;
  lifecycle: Lifecycle;
}

export function createServices(deps: ServiceDeps) {
  const { config, logger, orm } = deps;
  const stores: LimiterStores = { orm, redis: deps.redis };
  const audit = createAuditService(createAuditRepository(orm), logger);
  const { mailer } = deps;
  const revocations = createRevocationBus(deps.redis, logger);

  const users = createUsersService({
    orm,
    repository: createUsersRepository(orm),
    audit,
    passwords: {
      verify: verifyPassword,
      hash: (password) => hashPassword(password, config.auth.bcryptCost),
      assertStrong,
    },
    // Called only after both services exist (auth is built below from users).
    sessions: () => auth,
  });

  const { limits } = config;
  const auth: AuthService = createAuthService({
    orm,
    config: config.auth,
    limits,
    repository: createAuthRepository(orm),
    users,
    audit,
    mailer,
    queue: deps.queue,
    revocations,
    logger,
    limiters: {
      consecutiveFails: createLimiter(
        {
          keyPrefix: 'login-fail-pair',
          points: limits.loginMaxConsecutiveFails,
          durationSeconds: 86_400,
        },
        'durable',
        stores,
      ),
      ipDailyFails: createLimiter(
        {
          keyPrefix: 'login-fail-ip',
          points: limits.loginMaxFailsPerIpPerDay,
          durationSeconds: 86_400,
        },
        'durable',
        stores,
      ),
    },
  });

  const products = createProductsService(createProductsRepository(orm, { logger }));
  return {
    auth,
    users,
    audit,
    /** Closes what the services opened themselves (the revocation subscriber). */
    close: () => revocations.close(),
    products,
    orders: createOrdersService({
      orm,
      repository: createOrdersRepository(orm),
      products,
      queue: deps.queue,
      idempotencyTtlHours: config.orders.idempotencyTtlHours,
    }),
    system: createSystemService({
      repository: createSystemRepository(orm),
      lifecycle: deps.lifecycle,
      logger,
      readyCheckTimeoutMs: config.lifecycle.readyCheckTimeoutMs,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

export interface HandlerDeps {
  env: Config['env'];
  contract: Contract;
  metrics: Metrics;
  metricsConfig: Config['metrics'];
}

/** Every operation's handler, by domain; the compiler insists none of the contract's is missing. */
export function createHandlers(services: Services, deps: HandlerDeps): AllHandlers {
  return {
    ...systemModule(services.system, deps.contract, deps.metrics, deps.metricsConfig),
    ...authModule(services.auth, deps.env),
    ...usersModule(services.users),
    ...productsModule(services.products),
    ...ordersModule(services.orders),
  };
}
