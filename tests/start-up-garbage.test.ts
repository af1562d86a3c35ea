// The server collects start-up's garbage once before it listens (collectStartUpGarbage in
// src/warm-up.ts), so that start-up's peak is not what sizes the idle process. Run in a Node
// process of its own, as the server runs it: Jest's sandbox has its own `process` object, and
// the collection and Node's warning are the real process's business.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';

const warmUpModule = path.resolve(import.meta.dirname, '../src/warm-up.ts');

// Old-space garbage as start-up leaves it: objects that lived through several scavenges (so
// they were promoted), then were dropped; only a full collection frees them.
const program = `
import { collectStartUpGarbage } from ${JSON.stringify(warmUpModule)};
let kept = [];
for (let i = 0; i < 400000; i += 1) kept.push({ i, text: 'start-up ' + i });
kept = undefined;
process.stdout.write(JSON.stringify(collectStartUpGarbage()));
`;

describe('collecting start-up garbage', () => {
  test('frees old-space garbage and shrinks the heap, without printing a warning', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test' },
    });
    expect(run.status).toBe(0);
    const { before, after, ms } = JSON.parse(run.stdout) as Record<
      'before' | 'after',
      { heapUsedMiB: number; heapTotalMiB: number }
    > & { ms: number };
    // About 30 MiB of dropped objects: most of it must be gone, and the reserved heap with it.
    expect(after.heapUsedMiB).toBeLessThan(before.heapUsedMiB - 15);
    expect(after.heapTotalMiB).toBeLessThan(before.heapTotalMiB - 15);
    expect(ms).toBeLessThan(5_000);
    // Node's ExperimentalWarning for v8.queryObjects is the one warning muted, and only it.
    expect(run.stderr).not.toMatch(/Warning/);
  });
});
