// The default logger writes its JSON lines to stdout in batches, once per turn of the event loop
// (src/utils/logger.ts): every line must still arrive, in order, also when the process exits
// right after logging (process.exit skips the pending turn).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';

const logger = path.resolve('src/utils/logger.ts');

function run(script: string): string[] {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter((l) => l !== '');
}

describe('the stdout logger', () => {
  test('writes every line, in order, when the process ends by itself', () => {
    const lines = run(
      `const { createLogger } = await import(${JSON.stringify(logger)});
       const log = createLogger({ level: 'info' });
       for (let i = 0; i < 500; i += 1) log.info('line', { i });
       setTimeout(() => log.warn('later', { i: 500 }), 5);`,
    );
    expect(lines.map((l) => (JSON.parse(l) as { i: number }).i)).toEqual(
      Array.from({ length: 501 }, (_, i) => i),
    );
  });

  test('writes the lines still pending when the process calls process.exit', () => {
    const lines = run(
      `const { createLogger } = await import(${JSON.stringify(logger)});
       const log = createLogger({ level: 'info' });
       log.info('first', { i: 0 });
       log.error('last words', { i: 1 });
       process.exit(0);`,
    );
    expect(lines.map((l) => JSON.parse(l) as { message: string; level: string })).toEqual([
      expect.objectContaining({ message: 'first', level: 'info' }),
      expect.objectContaining({ message: 'last words', level: 'error' }),
    ]);
  });
});

// The access log builds its line directly (logInfo/jsonLine) instead of passing winston's format
// chain: the line must be the one winston writes for the same fields, byte for byte.
describe('the direct info line', () => {
  const cases = [
    {
      requestId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      method: 'GET',
      path: '/api/v1/products/123',
      status: 200,
      durationMs: 1.23,
      ip: '127.0.0.1',
    },
    {
      requestId: 'caller-id_1',
      method: 'POST',
      path: '/a"b\\c/\u0001\u007f/é/\ud800/\u2028',
      status: 499,
      durationMs: 0,
      ip: undefined,
      aborted: true,
    },
    { method: 'HEAD', path: '/', status: 404, durationMs: -0, level: 'ignored', service: 'x' },
  ];

  test('equals what winston writes, through the stdout logger, in order', () => {
    const lines = run(
      `const { createLogger, logInfo } = await import(${JSON.stringify(logger)});
       const log = createLogger({ level: 'info', service: 'svc' });
       for (const fields of ${JSON.stringify(cases)}) {
         const timed = { ...fields, timestamp: '2026-12-02T04:30:00.000Z' };
         log.info('request', timed);
         logInfo(log, 'request', timed);
       }
       logInfo(log, 'untimed', { i: 1 });
       log.info('untimed', { i: 1 });`,
    );
    expect(lines).toHaveLength(cases.length * 2 + 2);
    for (let i = 0; i < cases.length; i += 1) expect(lines[2 * i + 1]).toBe(lines[2 * i]);
    // Without a timestamp in the fields each path stamps its own: equal apart from the time.
    const untimed = lines.slice(-2).map((l) => l.replace(/"timestamp":"[^"]+"/, ''));
    expect(untimed[0]).toBe(untimed[1]);
    expect(JSON.parse(lines[0]!)).toEqual({
      ...cases[0],
      service: 'svc',
      level: 'info',
      message: 'request',
      timestamp: '2026-12-02T04:30:00.000Z',
    });
  });

  test('writes nothing below the logger level, and goes through winston for a stream logger', () => {
    const lines = run(
      `const { createLogger, logInfo } = await import(${JSON.stringify(logger)});
       const { PassThrough } = await import('node:stream');
       logInfo(createLogger({ level: 'warn' }), 'request', { i: 0 });
       logInfo(createLogger({ level: 'silent' }), 'request', { i: 1 });
       const stream = new PassThrough();
       const seen = [];
       stream.on('data', (chunk) => seen.push(String(chunk)));
       logInfo(createLogger({ level: 'info', stream }), 'request', { i: 2 });
       setTimeout(() => console.log(seen.join('').trim()), 20);`,
    );
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: 'request', i: 2, level: 'info' });
  });

  // The start-up rehearsal's logger (src/rehearsal.ts): its lines go where stdout's would, built
  // the same way, but into its sink.
  test('is built for a batchInto logger too, whose lines go to its stream once per turn', () => {
    const lines = run(
      `const { createLogger, logInfo } = await import(${JSON.stringify(logger)});
       const { PassThrough } = await import('node:stream');
       const stream = new PassThrough();
       const seen = [];
       stream.on('data', (chunk) => seen.push(String(chunk)));
       const log = createLogger({ level: 'info', service: 'svc', batchInto: stream });
       // winston's path would call this: the direct line must not.
       log.info = () => { throw new Error('went through winston'); };
       logInfo(log, 'request', ${JSON.stringify({ ...{ method: 'GET', status: 200 }, timestamp: '2026-12-03T09:00:00.000Z' })});
       log.warn('other', { i: 1 });
       const before = seen.length;
       setTimeout(() => console.log(JSON.stringify({ before, written: seen.join('') })), 20);`,
    );
    expect(lines).toHaveLength(1);
    const { before, written } = JSON.parse(lines[0]!) as { before: number; written: string };
    expect(before).toBe(0);
    const [first, second, ...rest] = written.trim().split('\n');
    expect(rest).toEqual([]);
    expect(JSON.parse(first!)).toEqual({
      method: 'GET',
      status: 200,
      service: 'svc',
      level: 'info',
      message: 'request',
      timestamp: '2026-12-03T09:00:00.000Z',
    });
    expect(JSON.parse(second!)).toMatchObject({ message: 'other', i: 1, level: 'warn' });
  });
});
