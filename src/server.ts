// The API's entry point: reads the environment, opens its parts through runtime.ts and listens.
// Shuts down gracefully on SIGTERM/SIGINT: readiness turns 503, in-flight requests finish
// (bounded by SHUTDOWN_TIMEOUT_MS), then the runtime closes (queue, Redis, the pool, the
// embedded database); exit code 0.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp, nodeClassesFor, servingOptions } from './app.ts';
import { createRuntime, loadProcessConfig, type Runtime } from './runtime.ts';
import { loadContract } from './utils/contract.ts';
import { AppError } from './utils/errors.ts';
import { createLogger } from './utils/logger.ts';
import { createMetrics } from './utils/metrics.ts';
import { giveBackMemoryAfterLoad, giveBackStartUpMemoryWhenIdle, warmUp } from './warm-up.ts';

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

async function shutdown(server: http.Server, runtime: Runtime, signal: string) {
  const { config, logger, lifecycle } = runtime;
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

  await runtime.close();
  logger.info('shutdown complete');
}

/** ADMIN_EMAIL/ADMIN_PASSWORD: the first admin, created once and never overwritten. */
async function bootstrapAdmin(runtime: Runtime, admin: { email: string; password: string }) {
  try {
    await runtime.services.auth.ensureAdmin(admin, {
      ip: undefined,
      userAgent: 'startup',
      requestId: undefined,
    });
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
  const config = loadProcessConfig();
  const logger = createLogger({ level: config.logLevel });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection', {
      error: reason instanceof Error ? reason.stack : String(reason),
    });
    process.exitCode = 1;
  });

  // The API's parts: Redis when configured, the queue (checkout and password resets enqueue),
  // the jobs themselves only with WORKER_IN_PROCESS, and load shedding's pressure sampling.
  const runtime = await createRuntime(config, {
    logger,
    parts: { redis: true, queue: true, jobs: config.jobs.inProcess, pressure: true },
  });
  let server: http.Server;
  let address: AddressInfo;
  try {
    if (config.auth.admin) await bootstrapAdmin(runtime, config.auth.admin);
    const { orm, lifecycle, services, redis } = runtime;
    const contract = loadContract();
    const metrics = createMetrics(orm, lifecycle.pressure);
    const deps = { config, logger, orm, contract, lifecycle, services, redis, metrics };
    const app = createApp(deps);
    // Request objects born with Express's prototypes (app.ts says why).
    const classes = nodeClassesFor(app);
    server = http.createServer(
      {
        // Bounds on slow clients (slowloris) and on idle keep-alive sockets. Node checks the
        // first two only every connectionsCheckingInterval (30 s by default): checked every
        // second instead, a slow client is cut within a second of its bound, not 30 s later.
        headersTimeout: config.http.headersTimeoutMs,
        requestTimeout: config.http.requestTimeoutMs,
        keepAliveTimeout: config.http.keepAliveTimeoutMs,
        connectionsCheckingInterval: 1000,
        ...servingOptions(classes),
      },
      app,
    );
    // Not listening before every operation's validators are compiled and the rest of what a
    // first request would do lazily is done: no first request pays.
    const warmedUp = await warmUp(deps, runtime.queue, classes);
    logger.info('warmed up', {
      ...warmedUp,
      // Whether what the warm-up compiled stays compiled (the image's CMD flag, ADR 0023).
      keepsBytecode: process.execArgv.includes('--no-flush-bytecode'),
      // Whether V8 may make young garbage in the old generation (the image's CMD flag, ADR 0029).
      pretenures: !process.execArgv.includes('--no-allocation-site-pretenuring'),
      // Whether V8 shrinks the heap by itself when traffic drops (the image's CMD flag, ADR 0030).
      reducesMemory: !process.execArgv.includes('--no-memory-reducer'),
    });
    if (warmedUp.rehearsal.unexpected.length > 0)
      logger.warn('the rehearsal got answers it did not expect: those first requests may be slow', {
        unexpected: warmedUp.rehearsal.unexpected,
      });
    address = await listen(server, config.port, config.host);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  logger.info('listening', {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    port: address.port,
    env: config.env,
    database: runtime.db.embedded ? 'embedded' : 'DATABASE_URL',
    jobs: config.jobs.inProcess ? 'in this process' : 'npm run worker',
  });
  // Start-up's peak, given back at the first quiet second (ADR 0028).
  const giveBack = giveBackStartUpMemoryWhenIdle(server, (result) =>
    logger.info('start-up memory given back', { ...result }),
  );
  // And what load grew, after half a minute of quiet: V8's own reducer is off (ADR 0030).
  const giveBackLater = giveBackMemoryAfterLoad((result) =>
    logger.info('memory given back after load', { ...result }),
  );

  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Repeats are ignored: `npm start` forwards the terminal's Ctrl-C, so one press arrives
    // twice, and the shutdown is bounded by SHUTDOWN_TIMEOUT_MS anyway.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      giveBack?.cancel();
      giveBackLater?.cancel();
      shutdown(server, runtime, signal).then(
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
