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
