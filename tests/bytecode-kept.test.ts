// The image starts the server with --no-flush-bytecode (its CMD, ADR 0023): without it V8 drops
// the bytecode and type feedback of every function that has not run during six full
// collections, so what the start-up rehearsal compiled is compiled again by a rarely called
// operation. Run in Node processes of their own with the image's flags, as the server runs; the
// same program without them is the control that shows the collections here do age code (so this
// test fails if the flag stops working).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { imageNodeArgs, imageNodeOptions } from '../scripts/lib/production.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'bytecode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 1,000 functions as a module's code is (what the rehearsal leaves compiled), each run once.
const functionsFile = path.join(dir, 'functions.cjs');
writeFileSync(
  functionsFile,
  Array.from(
    { length: 1000 },
    (_, i) =>
      `exports.f${i} = function (a, b) { let s = 0; for (let j = 0; j < a; j++) { s += (j * ${i}) % (b + 1); } return [s, a, b, ${i}].join('-'); };`,
  ).join('\n'),
);
// Then full collections as V8 makes them under load (gc() does not age code): garbage that
// lives long enough to be promoted, until eight major collections have run (bounded).
const program = `
const v8 = require('node:v8');
const { PerformanceObserver, constants } = require('node:perf_hooks');
const fns = Object.values(require(${JSON.stringify(functionsFile)}));
for (const f of fns) f(3, 4);
const bytecode = () => v8.getHeapCodeStatistics().bytecode_and_metadata_size;
const before = bytecode();
let majors = 0;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors += 1;
});
observer.observe({ entryTypes: ['gc'] });
let kept = [];
let rounds = 0;
const churn = () => {
  for (let i = 0; i < 20000; i += 1) { kept.push(new Array(1000).fill(i)); if (kept.length > 3000) kept = []; }
  rounds += 1;
  if (majors < 8 && rounds < 200) return setImmediate(churn);
  observer.disconnect();
  process.stdout.write(JSON.stringify({ majors, before, after: bytecode() }));
};
churn();
`;

function run(nodeArgs: string[]) {
  const child = spawnSync(process.execPath, [...nodeArgs, '-e', program], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', NODE_OPTIONS: imageNodeOptions(root) },
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as { majors: number; before: number; after: number };
}

describe("the image's node flags", () => {
  test('keep the bytecode of functions that did not run through eight full collections', () => {
    expect(imageNodeArgs(root)).toContain('--no-flush-bytecode');
    const kept = run(imageNodeArgs(root));
    expect(kept.majors).toBeGreaterThanOrEqual(8);
    expect(kept.after).toBeGreaterThan(kept.before * 0.9);
  });

  test('control: without them the same collections drop most of it', () => {
    const flushed = run([]);
    expect(flushed.majors).toBeGreaterThanOrEqual(8);
    expect(flushed.after).toBeLessThan(flushed.before * 0.5);
  });

  test('npm run start:prod starts the server with the same flags as the image', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['start:prod']).toBe(
      ['node', ...imageNodeArgs(root), 'dist/src/server.js'].join(' '),
    );
  });
});
