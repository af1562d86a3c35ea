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

// The access log builds its line directly (logRequest/requestLine) instead of passing winston's
// format chain: the line must be the one winston writes for the same fields, byte for byte.
describe("the access log's direct line", () => {
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
    { requestId: '', method: 'HEAD', path: '/', status: 404, durationMs: -0, ip: '::1' },
    { requestId: undefined, method: 'GET', path: '', status: 503, durationMs: 1e21, ip: '' },
    // Printable ASCII but for a quote or a backslash, which JSON must still escape.
    { requestId: 'a"b', method: 'GET', path: '/x\\y"z ~', status: 200, durationMs: 2.5, ip: 'x"' },
  ];
  /** The timestamp is the clock's: the same in both lines once written as one. */
  const untimed = (line: string) => line.replace(/"timestamp":"[^"]+"}$/, '"timestamp":"T"}');

  test('equals what winston writes, through the stdout logger, in order', () => {
    const lines = run(
      `const { createLogger, logRequest } = await import(${JSON.stringify(logger)});
       const log = createLogger({ level: 'info', service: 'svc' });
       for (const fields of ${JSON.stringify(cases)}) {
         log.info('request', fields);
         logRequest(log, fields);
       }`,
    );
    expect(lines).toHaveLength(cases.length * 2);
    for (let i = 0; i < cases.length; i += 1) {
      expect(lines[2 * i + 1]).toMatch(/"timestamp":"\d{4}-\d\d-\d\dT[\d:.]+Z"}$/);
      expect(untimed(lines[2 * i + 1]!)).toBe(untimed(lines[2 * i]!));
    }
    expect(JSON.parse(lines[1]!)).toEqual({
      ...cases[0],
      service: 'svc',
      level: 'info',
      message: 'request',
      timestamp: expect.any(String),
    });
  });

  test("takes the request context's id when the fields have none, as winston does", () => {
    const context = path.resolve('src/utils/request-context.ts');
    const lines = run(
      `const { createLogger, logRequest } = await import(${JSON.stringify(logger)});
       const { runWithRequestContext } = await import(${JSON.stringify(context)});
       const log = createLogger({ level: 'info' });
       const fields = ${JSON.stringify(cases[3])};
       runWithRequestContext({ requestId: 'from-context' }, () => {
         log.info('request', fields);
         logRequest(log, fields);
       });`,
    );
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({ requestId: 'from-context' });
    expect(untimed(lines[1]!)).toBe(untimed(lines[0]!));
  });

  test('writes nothing below the logger level, and goes through winston for a stream logger', () => {
    const lines = run(
      `const { createLogger, logRequest } = await import(${JSON.stringify(logger)});
       const { PassThrough } = await import('node:stream');
       const fields = ${JSON.stringify(cases[0])};
       logRequest(createLogger({ level: 'warn' }), { ...fields, status: 1 });
       logRequest(createLogger({ level: 'silent' }), { ...fields, status: 2 });
       const stream = new PassThrough();
       const seen = [];
       stream.on('data', (chunk) => seen.push(String(chunk)));
       const log = createLogger({ level: 'info', stream });
       const winstonInfo = log.info.bind(log);
       let viaWinston = 0;
       log.info = (...args) => { viaWinston += 1; return winstonInfo(...args); };
       logRequest(log, { ...fields, status: 3 });
       setTimeout(() => console.log(JSON.stringify({ viaWinston, line: seen.join('').trim() })), 20);`,
    );
    expect(lines).toHaveLength(1);
    const { viaWinston, line } = JSON.parse(lines[0]!) as { viaWinston: number; line: string };
    expect(viaWinston).toBe(1);
    expect(JSON.parse(line)).toMatchObject({ message: 'request', status: 3, level: 'info' });
  });

  // The start-up rehearsal's logger (src/rehearsal.ts): its lines go where stdout's would, built
  // the same way, but into its sink.
  test('is built for a batchInto logger too, whose lines go to its stream once per turn', () => {
    const lines = run(
      `const { createLogger, logRequest } = await import(${JSON.stringify(logger)});
       const { PassThrough } = await import('node:stream');
       const stream = new PassThrough();
       const seen = [];
       stream.on('data', (chunk) => seen.push(String(chunk)));
       const log = createLogger({ level: 'info', service: 'svc', batchInto: stream });
       // winston's path would call this: the direct line must not.
       log.info = () => { throw new Error('went through winston'); };
       logRequest(log, ${JSON.stringify(cases[0])});
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
      ...cases[0],
      service: 'svc',
      level: 'info',
      message: 'request',
      timestamp: expect.any(String),
    });
    expect(JSON.parse(second!)).toMatchObject({ message: 'other', i: 1, level: 'warn' });
  });
});
