// The server collects start-up's garbage once before it listens (collectStartUpGarbage in
// src/warm-up.ts), so that start-up's peak is not what sizes the idle process (ADR 0020). Run in
// a Node process of its own with the image's NODE_OPTIONS, as the server runs: the collection and
// V8's optimised code are the real process's business, not Jest's sandbox's.
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { imageNodeOptions } from '../scripts/lib/production.ts';
import { runNodeProgram } from './helpers/node-program.ts';

const root = path.resolve(import.meta.dirname, '..');
const warmUpModule = path.join(root, 'src/warm-up.ts');

// Old-space garbage as start-up leaves it: objects that lived through several scavenges (so
// they were promoted), then were dropped; only a full collection frees them. And a function
// optimised by TurboFan, as the warm-up leaves the request path: it must stay optimised.
const program = `
import { collectStartUpGarbage } from ${JSON.stringify(warmUpModule)};
let kept = [];
for (let i = 0; i < 400000; i += 1) kept.push({ i, text: 'start-up ' + i });
kept = undefined;
function hot(o) { return o.a + o.b; }
%PrepareFunctionForOptimization(hot);
for (let i = 0; i < 1000; i += 1) hot({ a: i, b: 1 });
%OptimizeFunctionOnNextCall(hot);
hot({ a: 1, b: 2 });
const optimised = () => (%GetOptimizationStatus(hot) & 16) !== 0;
const optimisedBefore = optimised();
const result = collectStartUpGarbage();
process.stdout.write(JSON.stringify({ ...result, optimisedBefore, optimisedAfter: optimised() }));
`;

function run(nodeOptions: string) {
  return runNodeProgram<
    Record<'before' | 'after', { heapUsedMiB: number; heapTotalMiB: number }> & {
      collected: boolean;
      ms: number;
      optimisedBefore: boolean;
      optimisedAfter: boolean;
    }
  >(['--allow-natives-syntax'], program, nodeOptions);
}

describe('collecting start-up garbage', () => {
  test("with the image's NODE_OPTIONS: frees old-space garbage, shrinks the heap, keeps optimised code", () => {
    expect(imageNodeOptions(root)).toContain('--expose-gc');
    const result = run(imageNodeOptions(root));
    expect(result.collected).toBe(true);
    // About 30 MiB of dropped objects: most of it must be gone, and the reserved heap with it.
    expect(result.after.heapUsedMiB).toBeLessThan(result.before.heapUsedMiB - 15);
    expect(result.after.heapTotalMiB).toBeLessThan(result.before.heapTotalMiB - 15);
    expect(result.ms).toBeLessThan(5_000);
    // The warm-up's optimised code survives (v8.queryObjects, which collects without a flag,
    // throws it away).
    expect(result.optimisedBefore).toBe(true);
    expect(result.optimisedAfter).toBe(true);
  });

  test('without --expose-gc: says it collected nothing, and does not fail', () => {
    const result = run('');
    expect(result.collected).toBe(false);
  });
});
