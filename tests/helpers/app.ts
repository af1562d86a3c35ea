// Builds the real app with createApp() against a real database and serves it on a real
// loopback port: the same createRuntime() with the same parts as server.ts, the same createApp()
// and warm-up, minus the process-level signal handling and the embedded database (each test
// file gets its own clone of the template database).
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { Services } from '../../src/api/index.ts';
import { createApp, nodeClassesFor, servingOptions } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import type { Orm } from '../../src/db/orm.ts';
import type { Queue } from '../../src/jobs/queue.ts';
import type { OperationTable } from '../../src/middleware/operations.ts';
import { createRuntime } from '../../src/runtime.ts';
import { loadContract, type Contract } from '../../src/utils/contract.ts';
import type { Lifecycle } from '../../src/utils/lifecycle.ts';
import { createLogger } from '../../src/utils/logger.ts';
import { createMetrics } from '../../src/utils/metrics.ts';
import { warmUp, type WarmUp } from '../../src/warm-up.ts';
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
  /** What the start-up's warm-up did (src/warm-up.ts). */
  warmedUp: WarmUp;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Use this database instead of a fresh clone of the template. */
  databaseUrl?: string;
  /** Serve a copy of the contract, with its operation table (tests/deprecation.test.ts). */
  contract?: { contract: Contract; operations: OperationTable };
  /** Sees each request and response as the server hands them to the app (tests/request-shapes.test.ts). */
  observe?: (req: IncomingMessage, res: ServerResponse) => void;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  let database: TestDatabase | undefined;
  const databaseUrl = options.databaseUrl ?? (database = await createTestDatabase()).url;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    // Two test workers, Chromium and one PostgreSQL share two cores: a connection took longer
    // than the 3 s default once while the other worker rendered the reference page. A test
    // about connection timeouts sets its own (readiness, sdk-resilience).
    DB_CONNECT_TIMEOUT_MS: '10000',
    // The same for Redis's 1 s command bound: a command to the test's redis-server timed out
    // once in a full CI run (tests/redis.test.ts). A stopped Redis still fails at once (no
    // offline queue); no test depends on the bound itself.
    REDIS_COMMAND_TIMEOUT_MS: '5000',
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
  // The API's parts, as server.ts asks for them.
  const runtime = await createRuntime(config, {
    logger,
    parts: { redis: true, queue: true, jobs: config.jobs.inProcess, pressure: true },
  });
  const { orm, lifecycle, services, redis } = runtime;
  const queue = runtime.queue!;
  const contract = options.contract?.contract ?? loadContract();
  const deps = {
    config,
    logger,
    orm,
    contract,
    lifecycle,
    services,
    redis,
    metrics: createMetrics(orm, lifecycle.pressure),
    operations: options.contract?.operations,
  };
  const app = createApp(deps);
  // The server as server.ts makes it: request objects born with the app's prototypes.
  const classes = nodeClassesFor(app);
  const warmedUp = await warmUp(deps, queue, classes);
  const server: Server = createServer(servingOptions(classes), (req, res) => {
    options.observe?.(req, res);
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
    warmedUp,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await runtime.close();
      await database?.drop();
    },
  };
}
