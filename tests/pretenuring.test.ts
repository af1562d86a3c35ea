// The image starts the server with --no-allocation-site-pretenuring (its CMD): V8 otherwise
// decides, per allocation site, that objects made there live long once most of them have
// survived a couple of young collections, and from then on makes them in the old generation.
// Under load the pg driver's rows and fields were such sites (their objects wait out a request
// in flight): every row then went straight to the old generation as garbage, which grew it to
// 100 MB and more between full collections (docs/BENCHMARKS.md). Run in Node processes of their
// own with the image's flags; the same program without them is the control that shows the
// program does tenure a site (so this test fails if the flag stops working).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { imageNodeArgs, imageNodeOptions } from '../scripts/lib/production.ts';

const root = path.resolve(import.meta.dirname, '..');

// One allocation site whose objects first survive young collections (kept in an array), then
// die at once. Each window starts after two young collections and allocates less than the young
// generation holds, so no collection runs inside it: the old generation can grow there only if
// the site's objects are made in it. The largest of three windows (a full collection V8 finishes
// inside one can only shrink it).
const program = `
const v8 = require('node:v8');
function make(i) { return { a: i, b: i + 1, c: [i] }; }
const old = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_used_size;
let keep = [];
for (let r = 0; r < 40; r += 1) for (let i = 0; i < 20000; i += 1) keep.push(make(i));
keep = null;
let most = -Infinity;
let sink;
for (let w = 0; w < 3; w += 1) {
  gc({ type: 'minor' });
  gc({ type: 'minor' });
  const before = old();
  for (let i = 0; i < 50000; i += 1) sink = make(i);
  most = Math.max(most, old() - before);
}
process.stdout.write(JSON.stringify({ oldGrewMiB: most / 1048576, last: sink.a }));
`;

// Both runs compile on the main thread: with V8's background compiler, whether the loops' code
// was compiled before or after the site's decision depended on the machine's load, and the
// control then passed or failed with it.
const SAME_JIT_EVERY_TIME = '--no-concurrent-recompilation';

function run(nodeArgs: string[]): number {
  const child = spawnSync(process.execPath, [...nodeArgs, SAME_JIT_EVERY_TIME, '-e', program], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', NODE_OPTIONS: imageNodeOptions(root) },
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return (JSON.parse(child.stdout) as { oldGrewMiB: number }).oldGrewMiB;
}

describe("the image's node flags", () => {
  test('keep short-lived objects young after their allocation site had long-lived ones', () => {
    expect(imageNodeArgs(root)).toContain('--no-allocation-site-pretenuring');
    // 50,000 objects are about 5 MiB.
    expect(run(imageNodeArgs(root))).toBeLessThan(0.5);
  });

  test('control: without them the site is tenured and its garbage goes to the old generation', () => {
    expect(run([])).toBeGreaterThan(4);
  });
});
