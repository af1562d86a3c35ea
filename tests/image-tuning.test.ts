// The benchmarks start the service with the runtime image's tuning, read from the Dockerfile
// (scripts/lib/production.ts): its ENV, and of it what tunes the process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { imageEnv, imageNodeOptions, imageTuning } from '../scripts/lib/production.ts';

const root = path.resolve(import.meta.dirname, '..');

describe("the runtime image's environment", () => {
  test('is read from the last stage, continued lines and quoted values included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'image-env-'));
    try {
      writeFileSync(
        path.join(dir, 'Dockerfile'),
        [
          'FROM node AS build',
          'ENV NODE_OPTIONS="--build-only" MALLOC_ARENA_MAX=9',
          'FROM node AS runtime',
          '# a comment',
          'ENV NODE_ENV=production \\',
          '    PORT=3000 \\',
          '    NODE_OPTIONS="--max-semi-space-size=16 --expose-gc"',
          'ENV MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=131072',
          'CMD ["node", "dist/src/server.js"]',
          '',
        ].join('\n'),
      );
      expect(imageEnv(dir)).toEqual({
        NODE_ENV: 'production',
        PORT: '3000',
        NODE_OPTIONS: '--max-semi-space-size=16 --expose-gc',
        MALLOC_ARENA_MAX: '2',
        MALLOC_TRIM_THRESHOLD_: '131072',
      });
      expect(imageTuning(dir)).toEqual({
        NODE_OPTIONS: '--max-semi-space-size=16 --expose-gc',
        MALLOC_ARENA_MAX: '2',
        MALLOC_TRIM_THRESHOLD_: '131072',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the project's Dockerfile: V8's sizing and glibc's allocator, which the benchmarks pass on", () => {
    const tuning = imageTuning(root);
    expect(tuning['NODE_OPTIONS']).toBe(imageNodeOptions(root));
    expect(tuning['NODE_OPTIONS']).toContain('--expose-gc');
    expect(tuning['MALLOC_ARENA_MAX']).toBe('2');
    expect(tuning['MALLOC_TRIM_THRESHOLD_']).toBe('131072');
    // What a benchmark sets itself is not part of the tuning.
    expect(Object.keys(tuning)).not.toEqual(expect.arrayContaining(['NODE_ENV']));
    expect(imageEnv(root)['NODE_ENV']).toBe('production');
  });
});
