// JSON logs, one object per line, each carrying the request id of the request that caused it.
// Bodies, headers and query strings are never logged; callers log ids, not people or secrets.
import winston from 'winston';
import type { LogLevel } from '../config/config.ts';
import { currentRequestId } from './request-context.ts';

export type Logger = winston.Logger;

const addRequestId = winston.format((info) => {
  const requestId = currentRequestId();
  if (requestId && info['requestId'] === undefined) info['requestId'] = requestId;
  return info;
});

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
        : new winston.transports.Console(),
    ],
  });
}
