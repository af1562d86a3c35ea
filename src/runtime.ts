// The one boot sequence. A process (the API server, the worker, a script, the tests' app) says
// which parts it uses; createRuntime opens them in order (database, Redis, queue, services, job
// handlers, pressure sampling) and close() shuts them in the reverse order. Nothing else opens a
// database, a queue or Redis, so the order and the error handling live here once.
import { existsSync } from 'node:fs';
import { createServices, entities, type Services } from './api/index.ts';
import { ConfigError, loadConfig, type Config } from './config/config.ts';
import { openDatabase, type Database } from './db/database.ts';
import type { Orm } from './db/orm.ts';
import { registerJobHandlers } from './jobs/handlers.ts';
import { startQueue, type JobSender, type Queue } from './jobs/queue.ts';
import { createLifecycle, type Lifecycle } from './utils/lifecycle.ts';
import type { Logger } from './utils/logger.ts';
import { createMailer, type Mailer } from './utils/mailer.ts';
import { createPressure } from './utils/pressure.ts';
import { createRedis, type RedisClient } from './utils/redis.ts';

/** What a process opens besides the database, which every process needs. */
export interface RuntimeParts {
  /**
   * The job queue (pg-boss), to enqueue jobs. Without it the services still work, but anything
   * that would enqueue a job (checkout, a password-reset request) rejects: `user:create` and
   * `db:*` never enqueue and do not pay for pg-boss.
   */
  queue?: boolean;
  /**
   * Run the jobs in this process: registers the handlers and pg-boss's maintenance and cron
   * pass. Needs `queue`. The worker always; the API when WORKER_IN_PROCESS is on.
   */
  jobs?: boolean;
  /** Redis (REDIS_URL, when set): shared rate-limit counters and the revocation broadcast. */
  redis?: boolean;
  /** Load shedding's pressure sampling (OVERLOAD_*): only the API sheds load. */
  pressure?: boolean;
}

export interface RuntimeOptions {
  logger: Logger;
  parts: RuntimeParts;
  /** Mail delivery; createMailer(MAIL_TRANSPORT) unless given. */
  mailer?: Mailer;
}

export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  orm: Orm;
  redis: RedisClient | undefined;
  /** Undefined unless the `queue` part was asked for. */
  queue: Queue | undefined;
  lifecycle: Lifecycle;
  mailer: Mailer;
  /** Every domain service, built once (the system service included: API and worker probes). */
  services: Services;
  /** Closes what was opened: pressure sampling, queue, services, Redis, database. Once. */
  close(): Promise<void>;
}

/** The job queue of a process that did not open one: says so instead of enqueuing nowhere. */
const noQueue: JobSender = {
  send: (name) =>
    Promise.reject(
      new Error(`job ${name}: this process did not open the job queue (runtime part "queue")`),
    ),
};

/**
 * The configuration of a process started from the command line: `.env` when present, then the
 * environment. A configuration error ends the process with its message and exit code 1.
 */
export function loadProcessConfig(overrides: Record<string, string> = {}): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { logger, parts } = options;
  if (parts.jobs && !parts.queue) throw new Error('runtime part "jobs" needs part "queue"');
  // What is open so far, to close in reverse order when a later step fails.
  const opened: (() => Promise<unknown>)[] = [];
  const closeOpened = async () => {
    for (const close of opened.splice(0).reverse()) await close();
  };

  try {
    const db = await openDatabase(config, logger, entities);
    opened.push(() => db.close());

    const redis = parts.redis && config.redis ? await createRedis(config.redis, logger) : undefined;
    if (redis) {
      opened.push(() => redis.quit().catch(() => redis.disconnect()));
      await redis.connect();
    }

    const queue = parts.queue
      ? await startQueue(
          {
            url: db.url,
            jobs: config.jobs,
            connectTimeoutMs: config.db.connectTimeoutMs,
            idleTimeoutMs: config.db.pool.idleTimeoutMs,
            supervise: parts.jobs === true,
          },
          logger,
        )
      : undefined;
    if (queue) opened.push(() => queue.stop());

    const pressure = parts.pressure ? createPressure(config.overload, logger) : undefined;
    if (pressure) opened.push(() => Promise.resolve(pressure.stop()));
    const lifecycle = createLifecycle(pressure);
    const mailer = options.mailer ?? createMailer(config.mail.transport, logger);

    const services = createServices({
      config,
      logger,
      orm: db.orm,
      redis,
      queue: queue ?? noQueue,
      mailer,
      lifecycle,
    });
    opened.push(() => services.close());

    if (queue && parts.jobs) {
      await registerJobHandlers(queue, db.orm, services, {
        mailer,
        retention: config.retention,
        logger,
      });
    }

    // The queue first (running jobs finish while everything they use is still open), then what
    // the services opened, Redis, and the database last.
    const closeAll = async () => {
      opened.length = 0;
      pressure?.stop();
      await queue?.stop();
      await services.close();
      await redis?.quit().catch(() => redis.disconnect());
      await db.close();
    };
    let closing: Promise<void> | undefined;
    return {
      config,
      logger,
      db,
      orm: db.orm,
      redis,
      queue,
      lifecycle,
      mailer,
      services,
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeOpened().catch((closeError: unknown) =>
      logger.warn('closing after a failed start failed', { error: String(closeError) }),
    );
    throw error;
  }
}
