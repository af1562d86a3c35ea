// Composes the domain services from the app's dependencies. Domains reach each other only
// through what is built here: users gets auth's session revocation as a port.
import type { Config } from '../config/config.ts';
import type { Orm } from '../db/orm.ts';
import type { Logger } from '../utils/logger.ts';
import { createMailer, type Mailer } from '../utils/mailer.ts';
import { createLimiter, type LimiterStores } from '../utils/rate-limiter.ts';
import type { RedisClient } from '../utils/redis.ts';
import { createRevocationBus } from '../utils/revocations.ts';
import type { Queue } from '../jobs/queue.ts';
import { createAuditRepository } from './audit/audit.repository.ts';
import { createAuditService } from './audit/audit.service.ts';
import { assertStrong, hashPassword, verifyPassword } from './auth/auth.passwords.ts';
import { createAuthRepository } from './auth/auth.repository.ts';
import { createAuthService, type AuthService } from './auth/auth.service.ts';
import { createOrdersRepository } from './orders/orders.repository.ts';
import { createOrdersService } from './orders/orders.service.ts';
import { createProductsRepository } from './products/products.repository.ts';
import { createProductsService } from './products/products.service.ts';
import { createUsersRepository } from './users/users.repository.ts';
import { createUsersService } from './users/users.service.ts';

export interface ServiceDeps {
  config: Config;
  logger: Logger;
  orm: Orm;
  redis?: RedisClient | undefined;
  queue: Queue;
  mailer?: Mailer;
}

export function createServices(deps: ServiceDeps) {
  const { config, logger, orm } = deps;
  const stores: LimiterStores = { orm, redis: deps.redis };
  const audit = createAuditService(createAuditRepository(orm), logger);
  const mailer = deps.mailer ?? createMailer(config.mail.transport, logger);
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

  const products = createProductsService(createProductsRepository(orm));
  const ordersRepository = createOrdersRepository(orm);
  return {
    auth,
    users,
    audit,
    /** Closes what the services opened themselves (the revocation subscriber). */
    close: () => revocations.close(),
    mailer,
    products,
    ordersRepository,
    orders: createOrdersService({
      orm,
      repository: ordersRepository,
      products,
      queue: deps.queue,
      idempotencyTtlHours: config.orders.idempotencyTtlHours,
    }),
    quotas: {
      api: createLimiter(
        { keyPrefix: 'api-ip', points: limits.apiPerMinute, durationSeconds: 60 },
        'volatile',
        stores,
      ),
      auth: createLimiter(
        { keyPrefix: 'auth-ip', points: limits.authPerMinute, durationSeconds: 60 },
        'volatile',
        stores,
      ),
      user: createLimiter(
        { keyPrefix: 'user', points: limits.userPerMinute, durationSeconds: 60 },
        'volatile',
        stores,
      ),
      checkout: createLimiter(
        { keyPrefix: 'checkout', points: config.orders.checkoutPerMinute, durationSeconds: 60 },
        'volatile',
        stores,
      ),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
