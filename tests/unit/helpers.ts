// For the fast tier: a logger whose lines the test reads back.
import { PassThrough } from 'node:stream';
import { createLogger, type Logger } from '../../src/utils/logger.ts';

export function capturedLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { logger: createLogger({ level: 'debug', stream }), lines };
}
