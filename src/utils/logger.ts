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

/**
 * Lines for stdout, written once per turn of the event loop rather than once per line: under
 * load the access log alone is a line per request, and a write(2) per line was the largest part
 * of its cost (`npm run bench`, docs/BENCHMARKS.md). Lines keep their order; what is pending
 * when the process exits (process.exit included) is written synchronously on 'exit'.
 */
const stdoutBatch = (() => {
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
    if (pending.length > 0) process.stdout.write(take());
  };
  return (line: string): void => {
    pending.push(line);
    if (!hooked) {
      hooked = true;
      process.once('exit', () => {
        try {
          if (pending.length > 0) writeSync(1, take());
        } catch {
          // stdout is gone: nothing left to tell
        }
      });
    }
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
})();

/** winston-transport's base class, which winston exports as `Transport` (its types say `transport`). */
const Transport = (winston as unknown as { Transport: new () => winston.transport }).Transport;

class BatchedStdout extends Transport {
  override log(info: Record<symbol, unknown>, callback: () => void): void {
    stdoutBatch(`${String(info[MESSAGE])}\n`);
    callback();
  }
}

/**
 * The loggers whose one transport is the batched stdout (no `stream` option), so a line can be
 * built directly (`logInfo`) instead of passing winston's object stream and format chain.
 */
const direct = new WeakMap<Logger, { service: string; transport: winston.transport }>();

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
    stdoutBatch(`${jsonLine('info', message, target.service, fields)}\n`);
    return;
  }
  logger.info(message, fields);
}

export interface LoggerOptions {
  level: LogLevel;
  service?: string;
  /** Where the JSON lines go; stdout by default. */
  stream?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const service = options.service ?? 'api';
  const transport = options.stream
    ? new winston.transports.Stream({ stream: options.stream })
    : new BatchedStdout();
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
  if (!options.stream) direct.set(logger, { service, transport });
  return logger;
}
