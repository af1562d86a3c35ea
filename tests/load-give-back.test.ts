// V8's memory reducer is off in the image (--no-memory-reducer, ADR 0030); the server gives back
// what load grew once it has been quiet for a while instead (giveBackMemoryAfterLoad in
// src/warm-up.ts). Two halves: when it collects, with stand-ins for the heap, the event loop's
// utilisation and the collection; and what it does in a Node process of its own with the image's
// NODE_OPTIONS and CMD flags, its real collection and the real event loop.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from '@jest/globals';
import { imageNodeArgs, imageNodeOptions } from '../scripts/lib/production.ts';
import { giveBackMemoryAfterLoad, type LoadGiveBack } from '../src/warm-up.ts';
import { runNodeProgram } from './helpers/node-program.ts';

const root = path.resolve(import.meta.dirname, '..');
const MiB = 1048576;

/** Checks every 10 ms against a heap and a utilisation the test sets. */
function schedule() {
  const state = { heap: 50 * MiB, busy: 0, alternate: false, calls: 0 };
  const collected: number[] = [];
  const results: LoadGiveBack[] = [];
  const handle = giveBackMemoryAfterLoad((r) => results.push(r), {
    everyMs: 10,
    quietChecks: 3,
    grownMiB: 16,
    heapBytes: () => state.heap,
    // `alternate`: busy on every other check.
    utilization: () => (state.alternate && (state.calls += 1) % 2 === 0 ? 0.2 : state.busy),
    collect: () => {
      collected.push(state.heap);
      state.heap = 52 * MiB;
    },
  });
  return { state, collected, results, handle: handle! };
}

describe('when memory is given back after load', () => {
  test('once the loop has been quiet for three checks and the heap has grown 16 MiB', async () => {
    const { state, collected, results, handle } = schedule();
    // Under load: the heap grows, the loop is busy. Nothing is collected.
    state.busy = 0.9;
    state.heap = 97 * MiB;
    await sleep(100);
    expect(collected).toEqual([]);
    // Quiet: after three quiet checks, one collection, and none after it while the heap stays.
    state.busy = 0.002;
    await sleep(200);
    expect(collected).toEqual([97 * MiB]);
    expect(results[0]!.grownMiB).toBe(47);
    expect(results[0]!.before.rssMiB).toBeGreaterThan(0);
    // Load again, then quiet again: a second collection.
    state.busy = 0.5;
    state.heap = 90 * MiB;
    await sleep(60);
    expect(collected).toHaveLength(1);
    state.busy = 0;
    await sleep(200);
    expect(collected).toEqual([97 * MiB, 90 * MiB]);
    handle.cancel();
  });

  test('not for a heap that grew less, nor while checks keep finding the loop busy', async () => {
    const { state, collected, handle } = schedule();
    state.heap = 65 * MiB; // 15 MiB above its lowest
    await sleep(150);
    expect(collected).toEqual([]);
    // Grown enough, but a busy check every other check keeps the count from reaching three.
    state.busy = 0.5;
    await sleep(30);
    state.busy = 0;
    state.alternate = true;
    state.heap = 80 * MiB;
    await sleep(200);
    expect(state.calls).toBeGreaterThan(6);
    expect(collected).toEqual([]);
    // The lowest point is the lowest the heap was, not where it was when the checks began.
    state.alternate = false;
    state.heap = 30 * MiB;
    await sleep(30);
    state.heap = 47 * MiB;
    await sleep(150);
    expect(collected).toEqual([47 * MiB]);
    handle.cancel();
  });

  test('stops on cancel', async () => {
    const { state, collected, handle } = schedule();
    handle.cancel();
    state.heap = 120 * MiB;
    await sleep(150);
    expect(collected).toEqual([]);
  });
});

// A server's load as V8 sees it: two seconds of short-lived objects made in turns of the event
// loop with a live set that keeps some, which grows the young generation to the image's cap and
// the old one with it; then nothing. giveBackMemoryAfterLoad checks every 200 ms.
const program = `
import v8 from 'node:v8';
import { giveBackMemoryAfterLoad } from ${JSON.stringify(path.join(root, 'src/warm-up.ts'))};
const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
const results = [];
let peakYoung = 0;
const handle = giveBackMemoryAfterLoad((r) => results.push(r), { everyMs: 200, grownMiB: 8 });
if (!handle) { process.stdout.write(JSON.stringify({ scheduled: false })); process.exit(0); }
let live = [];
let sink;
const started = performance.now();
await new Promise((resolve) => {
  const step = () => {
    for (let i = 0; i < 20000; i += 1) {
      sink = { i, text: 'load ' + i, a: [i] };
      if (i % 10 === 0) live.push(sink);
    }
    if (live.length > 200000) live = [];
    peakYoung = Math.max(peakYoung, young());
    if (performance.now() - started < 2000) setImmediate(step);
    else resolve();
  };
  step();
});
const duringLoad = results.length;
live = undefined;
setTimeout(() => {
  handle.cancel();
  process.stdout.write(JSON.stringify({ scheduled: true, duringLoad, results, peakYoung, young: young(), sink: sink.i }));
}, 2500);
`;

function run(nodeOptions: string) {
  return runNodeProgram<{
    scheduled: boolean;
    duringLoad: number;
    results: LoadGiveBack[];
    peakYoung: number;
    young: number;
  }>(imageNodeArgs(root), program, nodeOptions);
}

describe("after load, with the image's flags", () => {
  test('one collection once quiet: the young generation shrinks and RSS falls', () => {
    expect(imageNodeArgs(root)).toContain('--no-memory-reducer');
    const out = run(imageNodeOptions(root));
    expect(out.scheduled).toBe(true);
    // None while the loop was busy, one after it went quiet (a quiet process does not repeat it).
    expect(out.duringLoad).toBe(0);
    expect(out.results).toHaveLength(1);
    expect(out.peakYoung).toBeGreaterThanOrEqual(24 * MiB);
    expect(out.young).toBeLessThanOrEqual(4 * MiB);
    const [result] = out.results;
    expect(result!.after.heapTotalMiB).toBeLessThan(result!.before.heapTotalMiB - 20);
    expect(result!.after.rssMiB).toBeLessThan(result!.before.rssMiB - 20);
  });

  test('without --expose-gc: nothing is scheduled', () => {
    expect(run('').scheduled).toBe(false);
  });
});
