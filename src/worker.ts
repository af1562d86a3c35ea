// The worker process (`npm run worker`): runs the background jobs (order confirmations,
// password-reset mails) and pg-boss's maintenance (expiring stuck jobs, retrying, dead letters).
// Several workers may run at once. SIGTERM/SIGINT stop taking jobs, let the running ones finish
// (bounded), then close; a job cut off by a crash is retried after JOB_TIMEOUT_SECONDS.
import { startProbeServer } from './jobs/probes.ts';
import { createRuntime, loadProcessConfig } from './runtime.ts';
import { createLogger } from './utils/logger.ts';

// The worker never migrates: the API (or `npm run db:migrate`) owns the schema.
const config = loadProcessConfig({ DB_MIGRATE_ON_START: 'false' });
// Each line written at once, not batched per event-loop turn as the API's access log is: the
// development mail transport's line is the mail, and it must be out before the job's transaction
// commits (a line left for the next turn was lost once to a SIGKILL right after the commit, in
// `npm run chaos`'s worker-kill case).
const logger = createLogger({ level: config.logLevel, service: 'worker', stream: process.stdout });
// The worker's parts: the queue and its jobs. Redis only carries the API's quotas and the
// session revocations, which no job sends.
const runtime = await createRuntime(config, { logger, parts: { queue: true, jobs: true } });
const probes =
  config.jobs.healthPort === undefined
    ? undefined
    : await startProbeServer(runtime.services.system, config.host, config.jobs.healthPort);
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
    runtime.lifecycle.startDraining(); // /ready answers 503 from now on
    logger.info('worker stopping', { signal });
    // The probes answer (503) while the running jobs finish; they close last.
    runtime
      .close()
      .then(() => probes?.close())
      .then(
        () => logger.info('worker stopped'),
        (error: unknown) => {
          logger.error('worker stop failed', { error: String(error) });
          process.exitCode = 1;
        },
      );
  });
}
