// The work a process would otherwise do on its first requests, done before it listens: the
// contract validators (openApiValidatorReady) and the rest below. Called by server.ts and the
// tests' app after createApp, with the same dependencies. Reads nothing anyone stored, keeps
// nothing it writes (a registration, a product and a checkout, rolled back), and reaches only the configured database;
// rejects if the database cannot be reached.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { prepareStrengthEstimator, signAccessToken, verifyAccessToken } from './api/index.ts';
import type { AppDeps } from './app.ts';
import { openApiValidatorReady, type ValidatorWarmUp } from './middleware/openapi-validator.ts';
import {
  compileEntityFunctions,
  readNothingFromEachEntity,
  warmEachPoolConnection,
} from './db/warm-up.ts';
import { withTransaction } from './db/transaction.ts';
import { practiseExposition } from './utils/metrics.ts';

/** What the warm-up did and what each step cost, in milliseconds, for the start-up log. */
export interface WarmUp {
  ms: number;
  /** Every operation's validators, compiled (started by createApp, awaited here). */
  validators: ValidatorWarmUp;
  ormFunctionsMs: number;
  poolConnections: number;
  databaseMs: number;
  passwordStrengthMs: number;
  /**
   * jsonwebtoken's first signature and verification, the body reader's decoder, and
   * prom-client's exposition of request series (practiseExposition).
   */
  requestPathMs: number;
  /** A registration, a product and a checkout, rolled back (writeOnceAndRollBack). */
  firstWritesMs: number;
  /** The collection of what start-up left behind (with --expose-gc; ADR 0020). */
  startUpGarbage: StartUpGarbage;
}

class RolledBack extends Error {}

/**
 * The service's main writes, as requests make them, in one transaction that is then rolled
 * back: a customer registers and rotates its refresh token, a product is created, the customer
 * checks it out (the order, its lines, the stock update, the idempotency key and the
 * confirmation job). Nothing is kept, and security events are logged only on commit
 * (audit.service.ts), so none is. What it warms:
 * MikroORM's first unit-of-work commits and, on the pooled connection it used (the one pg-pool
 * hands out next: it reuses the last released), PostgreSQL's first writes to those tables
 * (relation caches, unique and trigram indexes, foreign-key checks, the queue's partition),
 * which cost each first write two to four times the next one. The address is fresh and under a
 * reserved domain (RFC 2606), the password random, the SKU fresh.
 */
async function writeOnceAndRollBack({ orm, services }: AppDeps): Promise<void> {
  const tag = randomUUID();
  try {
    await withTransaction(orm, async () => {
      const meta = { ip: undefined, userAgent: undefined, requestId: undefined };
      const { user, refreshToken } = await services.auth.register(
        {
          email: `warm-up-${tag}@example.invalid`,
          password: randomBytes(24).toString('base64url'),
          name: 'Warm-up',
        },
        meta,
      );
      await services.auth.refresh(refreshToken, meta);
      const product = await services.products.create({
        sku: `WARM-UP-${tag}`,
        name: 'Warm-up',
        description: '',
        priceCents: 100,
        currency: 'EUR',
        stock: 1,
        category: 'warm-up',
      });
      await services.orders.checkout(
        { userId: user.id, role: 'customer', sessionId: randomUUID() },
        { items: [{ productId: product.id, quantity: 1 }] },
        tag,
      );
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
}

/**
 * The decoder the JSON body parser uses (body-parser → iconv-lite, resolved from Express as the
 * app resolves it): iconv-lite loads its encoding tables on the first body read, about 20 ms.
 */
function loadBodyDecoder(): void {
  const fromExpress = createRequire(createRequire(import.meta.url).resolve('express'));
  const fromBodyParser = createRequire(fromExpress.resolve('body-parser'));
  const iconv = fromBodyParser('iconv-lite') as {
    decode(buffer: Buffer, encoding: string): string;
  };
  iconv.decode(Buffer.from('{}'), 'utf-8');
}

/** One access token signed and verified with the configured key: no user, no session. */
function signAndVerifyOneToken(auth: AppDeps['config']['auth']): void {
  const settings = {
    secret: auth.jwtSecret,
    issuer: auth.issuer,
    audience: auth.audience,
    ttlSeconds: 300,
  };
  const token = signAccessToken(
    { sub: randomUUID(), role: 'customer', sid: randomUUID(), tv: 0 },
    settings,
  );
  if (!verifyAccessToken(token, settings).ok)
    throw new Error('warm-up: a fresh token did not verify');
}

async function timed<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

export async function warmUp(deps: AppDeps): Promise<WarmUp> {
  const { config, orm, metrics } = deps;
  const started = performance.now();
  // The served documents gzip-compressed (GET /docs, /openapi.json, /openapi.yaml), on zlib's
  // threads while the steps below run: about 110 ms of CPU that no request then pays.
  const compressed = Promise.all(
    (['json', 'yaml', 'docsHtml'] as const).map((name) => deps.contract.gzipped(name)),
  );
  const validators = await openApiValidatorReady(deps.contract);
  const [, ormFunctionsMs] = await timed(() => compileEntityFunctions(orm));
  // DB_POOL_MIN connections (at least one), opened at once; on each, per entity a read that
  // matches no row, and a collection of the metrics (prom-client's default collectors, the
  // pool and queue gauges) as GET /metrics does.
  const [poolConnections, databaseMs] = await timed(() =>
    warmEachPoolConnection(orm, Math.max(1, config.db.pool.min), async () => {
      await readNothingFromEachEntity(orm);
      await metrics.registry.metrics();
    }),
  );
  // zxcvbn's ranked dictionaries, otherwise built by the first registration or password change.
  const [, passwordStrengthMs] = await timed(prepareStrengthEstimator);
  const [, requestPathMs] = await timed(async () => {
    loadBodyDecoder();
    signAndVerifyOneToken(config.auth);
    await practiseExposition();
  });
  const [, firstWritesMs] = await timed(() => writeOnceAndRollBack(deps));
  await compressed;
  // Last, and before load shedding samples: the collection blocks the event loop for 50–300 ms,
  // which the event-loop-delay bound would otherwise read as overload and shed the first requests.
  const startUpGarbage = collectStartUpGarbage();
  // Load shedding samples from now on: the work above is start-up, not load.
  deps.lifecycle.pressure?.start();
  return {
    ms: Math.round(performance.now() - started),
    validators,
    ormFunctionsMs,
    poolConnections,
    databaseMs,
    passwordStrengthMs,
    requestPathMs,
    firstWritesMs,
    startUpGarbage,
  };
}

/** Resident and V8 heap memory in MiB, rounded, for the start-up log. */
export interface MemoryFigures {
  rssMiB: number;
  heapTotalMiB: number;
  heapUsedMiB: number;
}

function memoryFigures(): MemoryFigures {
  const { rss, heapTotal, heapUsed } = process.memoryUsage();
  const mib = (bytes: number) => Math.round(bytes / 1048576);
  return { rssMiB: mib(rss), heapTotalMiB: mib(heapTotal), heapUsedMiB: mib(heapUsed) };
}

/** V8's gc() as `--expose-gc` installs it, with the options used here (Node 24's V8). */
type ExposedGc = (options: { type: 'major'; execution: 'sync' }) => void;

export interface StartUpGarbage {
  /** False without --expose-gc: nothing was collected. */
  collected: boolean;
  ms: number;
  before: MemoryFigures;
  after: MemoryFigures;
}

/**
 * One full garbage collection, the last step of warmUp, before the
 * server listens and before load shedding samples. Start-up (module loading, the validators'
 * compilation, zxcvbn's dictionaries) makes far more short-lived garbage than serving does, and V8 grows its young generation and old
 * space to fit it; left alone, that peak stays reserved and resident while the process idles
 * (docs/BENCHMARKS.md, "Memory"; ADR 0020). It needs `--expose-gc`, which the image's
 * NODE_OPTIONS set; without it nothing is collected and `collected` is false. (v8.queryObjects,
 * which collects without a flag, also throws away the optimised code the warm-up produced.)
 */
export function collectStartUpGarbage(): StartUpGarbage {
  const before = memoryFigures();
  const started = performance.now();
  const gc = (globalThis as { gc?: ExposedGc }).gc;
  // One full collection, not V8's 'last-resort' flavour (every collection it can make): that one
  // also flushed the bytecode the warm-up had just compiled, and 4 operations' first requests
  // went back over the first-request gate (1 with this one; docs/BENCHMARKS.md, ADR 0020).
  gc?.({ type: 'major', execution: 'sync' });
  return {
    collected: gc !== undefined,
    ms: Math.round(performance.now() - started),
    before,
    after: memoryFigures(),
  };
}
