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

export interface LoggerOptions {
  level: LogLevel;
  service?: string;
  /** Where the JSON lines go; stdout by default. */
  stream?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return winston.createLogger({
    level: options.level === 'silent' ? 'error' : options.level,
    silent: options.level === 'silent',
    defaultMeta: { service: options.service ?? 'api' },
    format: winston.format.combine(
      addRequestId(),
      winston.format.timestamp(),
      winston.format.errors({ stack: true }),
      winston.format.json(),
    ),
    transports: [
      options.stream
        ? new winston.transports.Stream({ stream: options.stream })
        : new BatchedStdout(),
    ],
  });
}
