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
 * The loggers whose one transport is batched (stdout, or `batchInto`), so that the access log's
 * line can be built directly (`logRequest`) instead of passing winston's object stream and
 * format chain.
 */
const direct = new WeakMap<Logger, { service: string; transport: Batched }>();

/** The direct line's target when `logger` writes batched lines at info, else undefined. */
function directTarget(logger: Logger): { service: string; transport: Batched } | undefined {
  const target = direct.get(logger);
  return target &&
    !logger.silent &&
    logger.transports.length === 1 &&
    logger.transports[0] === target.transport &&
    logger.isLevelEnabled('info')
    ? target
    : undefined;
}

/** The access log's fields (middleware/access-log.ts), one line per request. */
export interface RequestLineFields {
  requestId: string | undefined;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  ip: string | undefined;
  /** The client went away before the response was complete. */
  aborted?: true;
}

/**
 * The line winston's chain (createLogger's format) makes of `logger.info('request', fields)` for
 * a logger whose default service is `service`, written key by key: winston assigns the default
 * meta, the fields, then level and message; addRequestId adds the request context's id when the
 * fields have none; timestamp() adds the time; json() is safe-stable-stringify, which sorts the
 * keys and leaves out undefined values, so the keys are written here in that sorted order. The
 * line written for every request, for a fraction of winston's CPU (docs/BENCHMARKS.md).
 * tests/logger.test.ts holds it equal to winston's line.
 */
export function requestLine(service: string, fields: RequestLineFields, now?: Date): string {
  const requestId =
    fields.requestId !== undefined ? fields.requestId : currentRequestId() || undefined;
  let line = fields.aborted === true ? '{"aborted":true,"durationMs":' : '{"durationMs":';
  line += jsonNumber(fields.durationMs);
  if (fields.ip !== undefined) line += `,"ip":${jsonString(fields.ip)}`;
  line += `,"level":"info","message":"request","method":${jsonString(fields.method)}`;
  line += `,"path":${jsonString(fields.path)}`;
  if (requestId !== undefined) line += `,"requestId":${jsonString(requestId)}`;
  line += `,"service":${jsonString(service)},"status":${jsonNumber(fields.status)}`;
  return `${line},"timestamp":"${now ? now.toISOString() : isoNow()}"}`;
}

/** Printable ASCII without `"` or `\`: what JSON writes as it is, between quotes. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** JSON.stringify(text), without calling into it for the text it would write unchanged. */
function jsonString(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

/** JSON.stringify(n) for a number: its shortest form (-0 as 0), or null when not finite. */
function jsonNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/** The clock as toISOString writes it, worked out once per millisecond (many lines share one). */
let isoMs = Number.NaN;
let isoText = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== isoMs) {
    isoText = new Date(ms).toISOString();
    isoMs = ms;
  }
  return isoText;
}

/**
 * `logger.info('request', fields)`, the access log's line. When the logger writes to the batched
 * stdout (or `batchInto`), the line is built here (requestLine) and queued with the other lines of
 * this turn: the same bytes winston would queue. Any other logger goes through winston.
 */
export function logRequest(logger: Logger, fields: RequestLineFields): void {
  const target = directTarget(logger);
  if (target) {
    target.transport.batch(`${requestLine(target.service, fields)}\n`);
    return;
  }
  logger.info('request', fields);
}

export interface LoggerOptions {
  level: LogLevel;
  service?: string;
  /** Where the JSON lines go, line by line through winston; stdout by default. */
  stream?: NodeJS.WritableStream;
  /**
   * Where the JSON lines go the way stdout's do: the access log's built directly (logRequest), all
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
