// JSON logs, one object per line, each carrying the request id of the request that caused it.
// Bodies, headers and query strings are never logged; callers log ids, not people or secrets.
import { writeSync } from 'node:fs';
import winston from 'winston';
import type { LogLevel } from '../config/config.ts';
import { currentRequestId } from './request-context.ts';

export type Logger = winston.Logger;

const addRequestId = winston.format((info) => {
  const requestId = currentRequestId();
  if (requestId && info['requestId'] === undefined) info['requestId'] = requestId;
  return info;
});

/** Where winston's formats leave the finished line (triple-beam's MESSAGE). */
const MESSAGE = Symbol.for('message');

/** Queues a finished line (with its newline) for the next write. */
type Batch = (line: string) => void;

/**
 * Lines written once per turn of the event loop rather than once per line: under load the access
 * log alone is a line per request, and a write(2) per line was the largest part of its cost
 * (`npm run bench`, docs/BENCHMARKS.md). Lines keep their order; `atExit` gets what is pending
 * when the process exits (process.exit included), synchronously.
 */
function batchInto(write: (chunk: string) => void, atExit?: (chunk: string) => void): Batch {
  let pending: string[] = [];
  let scheduled = false;
  let hooked = false;
  const take = (): string => {
    const chunk = pending.join('');
    pending = [];
    scheduled = false;
    return chunk;
  };
  const flush = (): void => {
    if (pending.length > 0) write(take());
  };
  return (line: string): void => {
    pending.push(line);
    if (atExit && !hooked) {
      hooked = true;
      process.once('exit', () => {
        if (pending.length > 0) atExit(take());
      });
    }
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}

/** The process's stdout: every logger without a `stream` or `batchInto` shares it. */
const stdoutBatch = batchInto(
  (chunk) => process.stdout.write(chunk),
  (chunk) => {
    try {
      writeSync(1, chunk);
    } catch {
      // stdout is gone: nothing left to tell
    }
  },
);

/** winston-transport's base class, which winston exports as `Transport` (its types say `transport`). */
const Transport = (winston as unknown as { Transport: new () => winston.transport }).Transport;

class Batched extends Transport {
  readonly batch: Batch;
  constructor(batch: Batch) {
    super();
    this.batch = batch;
  }
  override log(info: Record<symbol, unknown>, callback: () => void): void {
    this.batch(`${String(info[MESSAGE])}\n`);
    callback();
  }
}

/**
 * The loggers whose one transport is batched (stdout, or `batchInto`), so a line can be built
 * directly (`logInfo`) instead of passing winston's object stream and format chain.
 */
const direct = new WeakMap<Logger, { service: string; transport: Batched }>();

/** Field values the direct line carries as winston would; anything else goes through winston. */
export type LineFields = Record<string, string | number | boolean | undefined>;
/** Meta keys winston treats specially (appends, copies): those lines go through winston. */
const SPECIAL = ['message', 'stack', 'cause'];

/**
 * The line winston's chain (createLogger's format) makes of `logger.log(level, message, fields)`
 * for a logger whose default service is `service`, built in one step: winston assigns the
 * default meta, the fields, then level and message; addRequestId adds the request context's id
 * when the fields have none; timestamp() adds the time when the fields have none; json() is
 * safe-stable-stringify, which sorts the keys and leaves out undefined values. Flat primitive
 * fields only (logInfo checks). tests/logger.test.ts holds it equal to winston's line.
 */
export function jsonLine(
  level: string,
  message: string,
  service: string,
  fields: LineFields,
  now: Date = new Date(),
): string {
  const info: Record<string, unknown> = { service, ...fields, level, message };
  if (info['requestId'] === undefined) {
    const requestId = currentRequestId();
    if (requestId) info['requestId'] = requestId;
  }
  if (!info['timestamp']) info['timestamp'] = now.toISOString();
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(info).sort()) sorted[key] = info[key];
  return JSON.stringify(sorted);
}

function isFlat(fields: LineFields): boolean {
  for (const key in fields) {
    const value: unknown = fields[key];
    if (value !== undefined && value !== null && typeof value === 'object') return false;
    if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function')
      return false;
    if (SPECIAL.includes(key)) return false;
  }
  return true;
}

/**
 * `logger.info(message, fields)` for the hot path (the access log: a line per request). When the
 * logger writes to the batched stdout, the line is built here (jsonLine) and queued with the
 * other lines of this turn: the same bytes winston would queue, for a fraction of the CPU
 * (docs/BENCHMARKS.md, "changes measured"). Any other logger, or a field winston treats
 * specially, goes through winston as before.
 */
export function logInfo(logger: Logger, message: string, fields: LineFields): void {
  const target = direct.get(logger);
  if (
    target &&
    !logger.silent &&
    logger.transports.length === 1 &&
    logger.transports[0] === target.transport &&
    logger.isLevelEnabled('info') &&
    isFlat(fields)
  ) {
    target.transport.batch(`${jsonLine('info', message, target.service, fields)}\n`);
    return;
  }
  logger.info(message, fields);
}

export interface LoggerOptions {
  level: LogLevel;
  service?: string;
  /** Where the JSON lines go, line by line through winston; stdout by default. */
  stream?: NodeJS.WritableStream;
  /**
   * Where the JSON lines go the way stdout's do: the access log's built directly (logInfo), all
   * of them written once per turn of the event loop. The start-up rehearsal's sink, so that it
   * runs the path a served request's line takes (src/rehearsal.ts).
   */
  batchInto?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const service = options.service ?? 'api';
  const { stream, batchInto: target } = options;
  const transport = stream
    ? new winston.transports.Stream({ stream })
    : new Batched(target ? batchInto((chunk) => target.write(chunk)) : stdoutBatch);
  const logger = winston.createLogger({
    level: options.level === 'silent' ? 'error' : options.level,
    silent: options.level === 'silent',
    defaultMeta: { service },
    format: winston.format.combine(
      addRequestId(),
      winston.format.timestamp(),
      winston.format.errors({ stack: true }),
      winston.format.json(),
    ),
    transports: [transport],
  });
  if (transport instanceof Batched) direct.set(logger, { service, transport });
  return logger;
}
