// The entry point: the only place that reads the environment, opens the database and listens.
// Shuts down gracefully on SIGTERM/SIGINT: readiness turns 503, in-flight requests finish
// (bounded by SHUTDOWN_TIMEOUT_MS), then the pool and the embedded database close; exit code 0.
import { existsSync } from 'node:fs';
import { RequestContext } from '@mikro-orm/core';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServices, type Services } from './api/index.ts';
import { createApp } from './app.ts';
import { registerJobHandlers } from './jobs/handlers.ts';
import { startQueue, type Queue } from './jobs/queue.ts';
import { ConfigError, loadConfig, type Config } from './config/config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { loadContract } from './utils/contract.ts';
import { AppError } from './utils/errors.ts';
import { createLifecycle, type Lifecycle } from './utils/lifecycle.ts';
import { createLogger, type Logger } from './utils/logger.ts';
import { createMetrics } from './utils/metrics.ts';
import { createPressure } from './utils/pressure.ts';
import { createRedis, type RedisClient } from './utils/redis.ts';
import { warmUp } from './warm-up.ts';

function readConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

interface Running {
  server: http.Server;
  db: Database;
  redis: RedisClient | undefined;
  queue: Queue | undefined;
  services: Services | undefined;
  lifecycle: Lifecycle;
  logger: Logger;
  config: Config;
}

async function shutdown(
  { server, db, redis, queue, services, lifecycle, logger, config }: Running,
  signal: string,
) {
  const { shutdownDelayMs, shutdownTimeoutMs } = config.lifecycle;
  logger.info('shutting down', { signal, shutdownDelayMs, shutdownTimeoutMs });
  lifecycle.startDraining();
  // Give load balancers time to see /ready fail before the listener goes away.
  if (shutdownDelayMs > 0) await sleep(shutdownDelayMs);

  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => {
    logger.warn('in-flight requests did not finish in time; closing their connections');
    server.closeAllConnections();
  }, shutdownTimeoutMs);
  await closed;
  clearTimeout(timer);

  await queue?.stop();
  await services?.close();
  await redis?.quit().catch(() => redis.disconnect());
  await db.close();
  logger.info('shutdown complete');
}

/** ADMIN_EMAIL/ADMIN_PASSWORD: the first admin, created once and never overwritten. */
async function bootstrapAdmin(
  services: Services,
  db: Database,
  admin: { email: string; password: string },
) {
  try {
    await RequestContext.create(db.orm.em, () =>
      services.auth.ensureAdmin(admin, {
        ip: undefined,
        userAgent: 'startup',
        requestId: undefined,
      }),
    );
  } catch (error) {
    if (error instanceof AppError) {
      const detail = (error.details ?? error.fields)?.map((d) => d.message).join(' ') ?? '';
      throw new Error(`ADMIN_PASSWORD: ${error.code}: ${error.message} ${detail}`.trim(), {
        cause: error,
      });
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection', {
      error: reason instanceof Error ? reason.stack : String(reason),
    });
    process.exitCode = 1;
  });

  const db = await openDatabase(config, logger);
  const redis = config.redis ? createRedis(config.redis, logger) : undefined;
  // Bounds on slow clients (slowloris) and on idle keep-alive sockets. Node checks the first two
  // only every connectionsCheckingInterval (30 s by default): checked every second instead, a
  // slow client is cut within a second of its bound, not up to 30 s later.
  const server = http.createServer({
    headersTimeout: config.http.headersTimeoutMs,
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    connectionsCheckingInterval: 1000,
  });
  const lifecycle = createLifecycle(createPressure(config.overload, logger));

  let address: AddressInfo;
  let queue: Queue | undefined;
  let services: Services | undefined;
  try {
    await redis?.connect();
    queue = await startQueue(
      {
        url: db.url,
        jobs: config.jobs,
        connectTimeoutMs: config.db.connectTimeoutMs,
        supervise: config.jobs.inProcess,
      },
      logger,
    );
    services = createServices({ config, logger, orm: db.orm, redis, queue });
    if (config.jobs.inProcess)
      await registerJobHandlers(queue, db.orm, services, { retention: config.retention, logger });
    if (config.auth.admin) await bootstrapAdmin(services, db, config.auth.admin);
    const contract = loadContract();
    const metrics = createMetrics(db.orm, lifecycle.pressure);
    const deps = { config, logger, orm: db.orm, contract, lifecycle, services, metrics };
    server.on('request', createApp(deps));
    // Not listening before every operation's validators are compiled and the rest of what a
    // first request would do lazily is done: no first request pays.
    logger.info('warmed up', await warmUp(deps));
    address = await listen(server, config.port, config.host);
  } catch (error) {
    await queue?.stop().catch(() => undefined);
    redis?.disconnect();
    await db.close();
    throw error;
  }
  logger.info('listening', {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    port: address.port,
    env: config.env,
    database: db.embedded ? 'embedded' : 'DATABASE_URL',
    jobs: config.jobs.inProcess ? 'in this process' : 'npm run worker',
  });

  const running: Running = { server, db, redis, queue, services, lifecycle, logger, config };
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Repeats are ignored: `npm start` forwards the terminal's Ctrl-C, so one press arrives
    // twice, and the shutdown is bounded by SHUTDOWN_TIMEOUT_MS anyway.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      shutdown(running, signal).then(
        () => (process.exitCode ??= 0),
        (error: unknown) => {
          logger.error('shutdown failed', {
            error: error instanceof Error ? error.stack : String(error),
          });
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
