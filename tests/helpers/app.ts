// Builds the real app with createApp() against a real database and serves it on a real
// loopback port, exactly as server.ts does, minus the process-level signal handling.
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { createServices, type Services } from '../../src/api/index.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { createOrm, type Orm } from '../../src/db/orm.ts';
import type { OperationTable } from '../../src/middleware/operations.ts';
import { loadContract, type Contract } from '../../src/utils/contract.ts';
import { createLifecycle, type Lifecycle } from '../../src/utils/lifecycle.ts';
import { createLogger } from '../../src/utils/logger.ts';
import { createMetrics } from '../../src/utils/metrics.ts';
import { createPressure } from '../../src/utils/pressure.ts';
import { createRedis } from '../../src/utils/redis.ts';
import { registerJobHandlers } from '../../src/jobs/handlers.ts';
import { startQueue, type Queue } from '../../src/jobs/queue.ts';
import { warmUp } from '../../src/warm-up.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

/**
 * Notes every request, the status it got and, for an error, its code, for `npm run
 * contract:coverage` (which operation and documented status some test exercised, and whether
 * every error code seen is one the contract documents for that operation and status). One JSON
 * line per response, per test worker.
 */
const COVERAGE_DIR = path.resolve('coverage', 'contract');
function recordForContractCoverage(req: IncomingMessage, res: ServerResponse): void {
  // Read now: Express rewrites req.url while it routes through mounted routers.
  const { method } = req;
  const url = (req.url ?? '').split('?')[0];
  // Error envelopes are sent in one piece (error-handler.ts): the last chunk holds the code.
  let last: unknown;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    last = args[0];
    return end(...args);
  }) as ServerResponse['end'];
  res.once('finish', () => {
    let code: unknown;
    if (res.statusCode >= 400 && (typeof last === 'string' || Buffer.isBuffer(last))) {
      try {
        code = (JSON.parse(last.toString()) as { code?: unknown }).code;
      } catch {
        code = '(not an envelope)';
      }
    }
    mkdirSync(COVERAGE_DIR, { recursive: true });
    const line = JSON.stringify({ method, path: url, status: res.statusCode, code });
    appendFileSync(path.join(COVERAGE_DIR, `requests-${process.pid}.jsonl`), `${line}\n`);
  });
}

export const TEST_JWT_SECRET = 'test-only-jwt-secret-0123456789abcdef';

export interface TestApp {
  url: string;
  config: Config;
  orm: Orm;
  lifecycle: Lifecycle;
  services: Services;
  queue: Queue;
  /** Every JSON log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Use this database instead of a fresh clone of the template. */
  databaseUrl?: string;
  /** Serve a copy of the contract, with its operation table (tests/deprecation.test.ts). */
  contract?: { contract: Contract; operations: OperationTable };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  let database: TestDatabase | undefined;
  const databaseUrl = options.databaseUrl ?? (database = await createTestDatabase()).url;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
    }
  });
  const logger = createLogger({ level: config.logLevel, stream });
  const orm = await createOrm(config.db, databaseUrl, logger);
  const lifecycle = createLifecycle(createPressure(config.overload, logger));
  const redis = config.redis ? createRedis(config.redis, logger) : undefined;
  await redis?.connect();
  const queue = await startQueue(
    {
      url: databaseUrl,
      jobs: config.jobs,
      connectTimeoutMs: config.db.connectTimeoutMs,
      supervise: config.jobs.inProcess,
    },
    logger,
  );
  const services = createServices({ config, logger, orm, redis, queue });
  if (config.jobs.inProcess)
    await registerJobHandlers(queue, orm, services, { retention: config.retention, logger });
  const contract = options.contract?.contract ?? loadContract();
  const deps = {
    config,
    logger,
    orm,
    contract,
    lifecycle,
    services,
    metrics: createMetrics(orm, lifecycle.pressure),
    operations: options.contract?.operations,
  };
  const app = createApp(deps);
  await warmUp(deps);
  const server: Server = createServer((req, res) => {
    recordForContractCoverage(req, res);
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    orm,
    lifecycle,
    services,
    queue,
    logs,
    close: async () => {
      lifecycle.pressure?.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await queue.stop();
      await services.close();
      redis?.disconnect();
      await orm.close(true);
      await database?.drop();
    },
  };
}
