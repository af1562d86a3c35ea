// The work a process would otherwise do on its first requests, done before it listens: the
// contract validators (openApiValidatorReady), the rest below, and last the rehearsal, every
// operation served through a second app in a transaction rolled back (src/rehearsal.ts), once
// on each pooled connection.
// Called by server.ts and the tests' app after createApp, with the same dependencies. Reads
// nothing anyone stored, keeps nothing it writes, and reaches only the configured database;
// rejects if the database cannot be reached.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { getHeapStatistics } from 'node:v8';
import { dummyHash, prepareStrengthEstimator } from './api/index.ts';
import type { AppDeps, NodeClasses } from './app.ts';
import type { Queue } from './jobs/queue.ts';
import { openApiValidatorReady, type ValidatorWarmUp } from './middleware/openapi-validator.ts';
import {
  compileEntityFunctions,
  readNothingFromEachEntity,
  warmEachPoolConnection,
} from './db/warm-up.ts';
import { rehearse, type Rehearsal } from './rehearsal.ts';

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
   * Every operation served through a second app, rolled back (src/rehearsal.ts), once on each
   * of the DB_POOL_MIN connections: the rounds' times and requests summed.
   */
  rehearsal: Rehearsal;
  /** The collection of what start-up left behind (with --expose-gc; ADR 0020). */
  startUpGarbage: StartUpGarbage;
}

async function timed<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

/** `queue`: the process's job queue, which the rehearsal's services enqueue through. */
export async function warmUp(
  deps: AppDeps,
  queue: Queue | undefined,
  /** The served app's request classes (nodeClassesFor), which the rehearsal serves with. */
  served: NodeClasses,
): Promise<WarmUp> {
  const { config, orm, metrics } = deps;
  const started = performance.now();
  // The served documents gzip-compressed (GET /docs, /openapi.json, /openapi.yaml), on zlib's
  // threads while the steps below run: about 110 ms of CPU that no request then pays.
  const compressed = Promise.all(
    (['json', 'yaml', 'docsHtml'] as const).map((name) => deps.contract.gzipped(name)),
  );
  // The hash a sign-in compares against when there is no account, at the configured cost, on
  // libuv's threads meanwhile: otherwise the first sign-in after start-up makes it.
  const noAccountHash = dummyHash(config.auth.bcryptCost);
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
  // Last before the collection, once on each of the DB_POOL_MIN connections (the others held,
  // so the rehearsal's transaction gets that one): what a request writes, every pooled
  // connection has written once (PostgreSQL's relation caches and foreign-key plans are per
  // connection). The rounds are logged as one.
  const rounds: Rehearsal[] = [];
  await warmEachPoolConnection(orm, Math.max(1, config.db.pool.min), async () => {
    rounds.push(await rehearse(deps, queue, served));
  });
  const rehearsal: Rehearsal = {
    ms: rounds.reduce((sum, r) => sum + r.ms, 0),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    unexpected: [...new Set(rounds.flatMap((r) => r.unexpected))],
  };
  await compressed;
  await noAccountHash;
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
    rehearsal,
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
type ExposedGc = (options: {
  type: 'major';
  execution: 'sync';
  flavor?: 'regular' | 'last-resort';
}) => void;

/**
 * V8's memory-reducing collection, the only one callable from JavaScript that shrinks the young
 * generation and returns empty pages to the system (ADR 0028); undefined without `--expose-gc`.
 */
function memoryReducingCollection(): (() => void) | undefined {
  const gc = (globalThis as { gc?: ExposedGc }).gc;
  return gc && (() => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' }));
}

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

/** What the collection at the first quiet moment after listening did, for its log line. */
export interface IdleGiveBack {
  /** The collection's milliseconds (the event loop blocked). */
  ms: number;
  /** Milliseconds from listening to the collection. */
  afterListeningMs: number;
  before: MemoryFigures;
  after: MemoryFigures;
}

export interface IdleGiveBackOptions {
  /** How long no request may have arrived or been in flight before it collects. */
  quietMs?: number;
  /** After this long from the call without such a quiet moment, it gives up. */
  withinMs?: number;
  /** The collection (tests only); V8's memory-reducing one by default. */
  collect?: () => void;
}

/**
 * Once, at the first moment after listening when no request has arrived or been in flight for
 * `quietMs` (1 s), V8's memory-reducing collection (`gc({ flavor: 'last-resort' })`): it
 * shrinks the young generation start-up grew to its 2 × 16 MiB cap and returns those pages and
 * old space's empty ones to the system, about 50 MiB of RSS that V8's own memory reducer gave
 * back only some 8–13 s into idleness (ADR 0028; the image now turns it off, ADR 0030). Not
 * before listening: the requests after a memory-reducing collection, V8's own included, cost
 * more main-thread CPU the first time (ADR 0020, 0027, 0028); here only those that arrive after
 * a quiet second pay it, where without it those arriving after V8's reducer would. It blocks
 * the event loop once, for 113–146 ms here, when nothing is waiting; a request arriving
 * meanwhile waits that long. A process busy from the start never runs it (after `withinMs`,
 * 60 s, it gives up: giveBackMemoryAfterLoad tidies a process that goes quiet later). Needs
 * `--expose-gc`; without it nothing is scheduled and the result is undefined. `done` gets what
 * it did; `cancel` (shutdown) stops it.
 */
export function giveBackStartUpMemoryWhenIdle(
  server: Server,
  done: (result: IdleGiveBack) => void,
  options: IdleGiveBackOptions = {},
): { cancel: () => void } | undefined {
  const { quietMs = 1000, withinMs = 60_000 } = options;
  const collect = options.collect ?? memoryReducingCollection();
  if (!collect) return undefined;
  const listening = performance.now();
  let inFlight = 0;
  let lastActivity = listening;
  let timer: NodeJS.Timeout | undefined;
  const ended = () => {
    inFlight -= 1;
    lastActivity = performance.now();
  };
  const onRequest = (_req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    lastActivity = performance.now();
    res.once('close', ended);
  };
  const stop = () => {
    clearTimeout(timer);
    server.off('request', onRequest);
    server.off('close', stop);
  };
  const check = () => {
    const now = performance.now();
    if (now - listening > withinMs) {
      stop();
      return;
    }
    const quietFor = now - lastActivity;
    if (inFlight > 0 || quietFor < quietMs) {
      timer = setTimeout(check, inFlight > 0 ? quietMs : quietMs - quietFor).unref();
      return;
    }
    stop();
    const before = memoryFigures();
    const started = performance.now();
    collect();
    done({
      ms: Math.round(performance.now() - started),
      afterListeningMs: Math.round(started - listening),
      before,
      after: memoryFigures(),
    });
  };
  server.on('request', onRequest);
  server.once('close', stop);
  timer = setTimeout(check, quietMs).unref();
  return { cancel: stop };
}

/** What a collection after load did, for its log line. */
export interface LoadGiveBack {
  /** The collection's milliseconds (the event loop blocked). */
  ms: number;
  /** V8's heap had grown this much above its lowest point since the last collection. */
  grownMiB: number;
  before: MemoryFigures;
  after: MemoryFigures;
}

export interface LoadGiveBackOptions {
  /** How often the event loop's utilisation and the heap are looked at. */
  everyMs?: number;
  /** How many checks in a row must each find the loop busy less than `quietUtilization`. */
  quietChecks?: number;
  /** The share of a check's time the event loop may have been busy and still count as quiet. */
  quietUtilization?: number;
  /** How far V8's heap must have grown above its lowest point since the last collection. */
  grownMiB?: number;
  /** Tests only: the collection, the heap's size in bytes and the loop's utilisation. */
  collect?: () => void;
  heapBytes?: () => number;
  utilization?: () => number;
}

/**
 * V8's memory reducer is off in the image (`--no-memory-reducer`, ADR 0030): it gave the young
 * generation and empty pages back whenever the allocation rate dropped for some 8 s, and the
 * next seconds of traffic paid for growing them again at up to twice the CPU per request
 * (docs/BENCHMARKS.md). This gives memory back on a longer clock instead: every `everyMs`
 * (10 s) it looks at the event loop, and when it was busy less than 1 % of the time for
 * `quietChecks` (3) checks in a row, about half a minute of a readiness probe at most, and V8's
 * heap has grown by `grownMiB` (16) or more above its lowest point since the last collection,
 * it runs V8's memory-reducing collection once (as giveBackStartUpMemoryWhenIdle does), which
 * blocks the event loop some 100–150 ms when next to nothing is waiting. A process that stays
 * quiet collects once, not every half minute (its heap does not grow again). No per-request
 * hook: the event loop's own utilisation counter is read. Needs `--expose-gc`; without it nothing
 * is scheduled and the result is undefined. `cancel` (shutdown) stops it.
 */
export function giveBackMemoryAfterLoad(
  done: (result: LoadGiveBack) => void,
  options: LoadGiveBackOptions = {},
): { cancel: () => void } | undefined {
  const { everyMs = 10_000, quietChecks = 3, quietUtilization = 0.01, grownMiB = 16 } = options;
  const collect = options.collect ?? memoryReducingCollection();
  if (!collect) return undefined;
  const heapBytes = options.heapBytes ?? (() => getHeapStatistics().total_heap_size);
  let last = performance.eventLoopUtilization();
  const utilization =
    options.utilization ??
    (() => {
      const now = performance.eventLoopUtilization();
      const { utilization: busy } = performance.eventLoopUtilization(now, last);
      last = now;
      return busy;
    });
  let lowest = heapBytes();
  let quiet = 0;
  const timer = setInterval(() => {
    const heap = heapBytes();
    lowest = Math.min(lowest, heap);
    quiet = utilization() < quietUtilization ? quiet + 1 : 0;
    const grown = (heap - lowest) / 1048576;
    if (quiet < quietChecks || grown < grownMiB) return;
    const before = memoryFigures();
    const started = performance.now();
    collect();
    const ms = Math.round(performance.now() - started);
    // The collection's own time is not traffic: the next check starts from here.
    if (!options.utilization) last = performance.eventLoopUtilization();
    lowest = heapBytes();
    quiet = 0;
    done({ ms, grownMiB: Math.round(grown), before, after: memoryFigures() });
  }, everyMs).unref();
  return { cancel: () => clearInterval(timer) };
}
