// The worker process (`npm run worker`): runs the background jobs (order confirmations,
// password-reset mails) and pg-boss's maintenance (expiring stuck jobs, retrying, dead letters).
// Several workers may run at once. SIGTERM/SIGINT stop taking jobs, let the running ones finish
// (bounded), then close; a job cut off by a crash is retried after JOB_TIMEOUT_SECONDS.
import { existsSync } from 'node:fs';
import { createServices } from './api/index.ts';
import { createSystemRepository } from './api/system/system.repository.ts';
import { createSystemService } from './api/system/system.service.ts';
import { ConfigError, loadConfig } from './config/config.ts';
import { openDatabase } from './db/database.ts';
import { registerJobHandlers } from './jobs/handlers.ts';
import { startProbeServer } from './jobs/probes.ts';
import { startQueue } from './jobs/queue.ts';
import { createLifecycle } from './utils/lifecycle.ts';
import { createLogger } from './utils/logger.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger({ level: config.logLevel, service: 'worker' });
// The worker never migrates: the API (or `npm run db:migrate`) owns the schema.
const db = await openDatabase({ ...config, db: { ...config.db, migrateOnStart: false } }, logger);
const queue = await startQueue(
  { url: db.url, jobs: config.jobs, connectTimeoutMs: config.db.connectTimeoutMs, supervise: true },
  logger,
);
await registerJobHandlers(queue, db.orm, createServices({ config, logger, orm: db.orm, queue }), {
  retention: config.retention,
  logger,
});
const lifecycle = createLifecycle();
const probes =
  config.jobs.healthPort === undefined
    ? undefined
    : await startProbeServer(
        createSystemService({
          repository: createSystemRepository(db.orm),
          lifecycle,
          logger,
          readyCheckTimeoutMs: config.lifecycle.readyCheckTimeoutMs,
        }),
        config.host,
        config.jobs.healthPort,
      );
logger.info('worker ready', {
  retryLimit: config.jobs.retryLimit,
  timeoutSeconds: config.jobs.timeoutSeconds,
  probePort: probes?.port,
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    lifecycle.startDraining(); // /ready answers 503 from now on
    logger.info('worker stopping', { signal });
    queue
      .stop()
      .then(() => probes?.close())
      .then(() => db.close())
      .then(
        () => logger.info('worker stopped'),
        (error: unknown) => {
          logger.error('worker stop failed', { error: String(error) });
          process.exitCode = 1;
        },
      );
  });
}
