// The background job queue: pg-boss on the same PostgreSQL (schema "pgboss"). Jobs can be
// enqueued inside an SQL transaction (Tx), so a job exists exactly when the change it follows up
// does. Retries back off exponentially; after the last try a job moves to its dead-letter queue.
import { PgBoss, type JobResult } from 'pg-boss';
import type { Config } from '../config/config.ts';
import type { Tx } from '../db/transaction.ts';
import type { Logger } from '../utils/logger.ts';
import { runWithRequestContext } from '../utils/request-context.ts';

export const JOBS = {
  orderConfirmation: 'order-confirmation',
  passwordResetMail: 'password-reset-mail',
  retentionPurge: 'retention-purge',
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Jobs per fetch: small, since a batch runs one job after another within its time limit. */
const JOB_BATCH = 5;

export interface Queue {
  send(name: JobName, data: object, tx?: Tx): Promise<string | null>;
  work(
    name: JobName,
    handler: (data: unknown, job: { id: string; retryCount: number }) => Promise<void>,
  ): Promise<void>;
  readonly boss: PgBoss;
  stop(): Promise<void>;
}

/** What the services need of the queue: to enqueue (runtime.ts passes a refusal without one). */
export type JobSender = Pick<Queue, 'send'>;

export interface QueueOptions {
  url: string;
  jobs: Config['jobs'];
  connectTimeoutMs: number;
  /**
   * DB_IDLE_TIMEOUT_MS, as for the ORM's pool. pg-boss's own pool (which sends the jobs queued
   * outside a transaction, e.g. a password-reset mail) otherwise takes pg's default of 10 s.
   */
  idleTimeoutMs: number;
  /**
   * This process runs jobs: it also runs pg-boss's maintenance (expiring stuck jobs, retries,
   * archiving) and its cron pass, which sends scheduled jobs once per tick across processes.
   */
  supervise: boolean;
}

/**
 * pg.Pool options that pg-boss hands to its pool but does not type. One connection is kept however
 * long the queue idles: after a quiet spell the next send would otherwise open one first (a
 * connection and its authentication: 30-40 ms more for a password-reset request in
 * `npm run bench:first-request -- --idle 20`, docs/BENCHMARKS.md).
 */
function keepOneConnection(idleTimeoutMs: number): object {
  return { min: 1, idleTimeoutMillis: idleTimeoutMs };
}

export async function startQueue(options: QueueOptions, logger: Logger): Promise<Queue> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: 'pgboss',
    max: 3,
    ...keepOneConnection(options.idleTimeoutMs),
    application_name: 'contract-first-monolith-queue',
    connectionTimeoutMillis: options.connectTimeoutMs,
    supervise: options.supervise,
    superviseIntervalSeconds: options.jobs.maintenanceSeconds,
    // Expired (stuck) jobs are failed and retried by the monitor pass: same cadence.
    monitorIntervalSeconds: options.jobs.maintenanceSeconds,
    schedule: options.supervise,
    // A new job wakes an idle worker at once instead of at its next poll.
    useListenNotify: true,
  });
  boss.on('error', (error: Error) => logger.warn('queue error', { error: error.message }));
  await boss.start();
  for (const name of Object.values(JOBS)) {
    const deadLetter = `${name}-dead`;
    await boss.createQueue(deadLetter, { retentionSeconds: 30 * 86_400 });
    const settings = {
      retryLimit: options.jobs.retryLimit,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 600,
      expireInSeconds: options.jobs.timeoutSeconds,
      deadLetter,
      notify: true,
    };
    // createQueue keeps an existing queue as it was: apply the current configuration as well.
    await boss.createQueue(name, settings);
    await boss.updateQueue(name, settings);
  }
  return {
    boss,
    send: (name, data, tx) => boss.send(name, data, tx ? { db: tx.queueDb } : undefined),
    work: async (name, handler) => {
      // Four fetchers, each taking up to JOB_BATCH jobs and running them one after another, each
      // settled on its own (perJobResults: a failure fails only its job). While fetches come
      // back full the fetchers go on at once (burst); otherwise NOTIFY wakes them, and they poll
      // every second for retries and expired jobs, which send no NOTIFY. With one job per fetch
      // and no burst, a worker managed four jobs a second, whatever the backlog.
      const options = {
        batchSize: JOB_BATCH,
        localConcurrency: 4,
        burstWhenBatchFull: true,
        perJobResults: true as const,
        pollingIntervalSeconds: 1,
        notifyPollingIntervalSeconds: 1,
      };
      await boss.work<object>(name, options, async (jobs) => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          const retryCount = (job as { retryCount?: number }).retryCount ?? 0;
          // Logs of the job carry the id of the request that queued it, when there was one.
          const origin = (job.data as { requestId?: unknown }).requestId;
          const requestId = typeof origin === 'string' ? origin : `job:${job.id}`;
          await runWithRequestContext({ requestId }, async () => {
            logger.info('job started', { job: name, jobId: job.id, retryCount });
            try {
              await handler(job.data, { id: job.id, retryCount });
              logger.info('job completed', { job: name, jobId: job.id });
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              logger.warn('job failed', {
                job: name,
                jobId: job.id,
                retryCount,
                error: String(error),
              });
              results.push({ id: job.id, status: 'failed', output: { error: String(error) } });
            }
          });
        }
        return results;
      });
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
