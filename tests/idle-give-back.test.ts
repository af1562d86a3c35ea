// At the first quiet second after listening the server gives back what start-up grew and left
// empty (giveBackStartUpMemoryWhenIdle in src/warm-up.ts, ADR 0028). Two halves: when it runs,
// on a real HTTP server with a stand-in for V8's collection; and what V8's collection does, in a
// Node process of its own with the image's NODE_OPTIONS and CMD flags, as the server runs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from '@jest/globals';
import { imageNodeArgs, imageNodeOptions } from '../scripts/lib/production.ts';
import { giveBackStartUpMemoryWhenIdle, type IdleGiveBack } from '../src/warm-up.ts';
import { runNodeProgram } from './helpers/node-program.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('when the start-up memory is given back', () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r) ?? r(undefined));
    server = undefined;
  });

  /** A server whose /slow answers after `ms` milliseconds of the query, everything else at once. */
  async function start(): Promise<string> {
    server = http.createServer((req, res) => {
      const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 0);
      setTimeout(() => res.end('ok'), ms);
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  function schedule(options: { quietMs: number; withinMs?: number }) {
    const collected: number[] = [];
    const results: IdleGiveBack[] = [];
    const started = performance.now();
    const handle = giveBackStartUpMemoryWhenIdle(server!, (r) => results.push(r), {
      ...options,
      collect: () => collected.push(performance.now() - started),
    });
    return { collected, results, handle, started };
  }

  test('once, a quiet period after the last request', async () => {
    const base = await start();
    const { collected, results, started } = schedule({ quietMs: 500 });
    // A request every 100 ms for 700 ms keeps it waiting.
    let lastAnswer = 0;
    for (let i = 0; i < 7; i += 1) {
      expect((await fetch(`${base}/`)).status).toBe(200);
      lastAnswer = performance.now() - started;
      await sleep(100);
    }
    expect(collected).toEqual([]);
    await sleep(1000);
    expect(collected).toHaveLength(1);
    // A quiet period after the last answer (the server saw it end a little before the client).
    expect(collected[0]).toBeGreaterThanOrEqual(lastAnswer + 500 - 20);
    expect(results).toHaveLength(1);
    expect(results[0]!.afterListeningMs).toBeGreaterThanOrEqual(lastAnswer + 500 - 20);
    expect(results[0]!.before.rssMiB).toBeGreaterThan(0);
    // And never again, however quiet it stays or busy it gets.
    await fetch(`${base}/`);
    await sleep(700);
    expect(collected).toHaveLength(1);
    expect(server!.listenerCount('request')).toBe(1);
  });

  test('not while a request is in flight, however long ago it arrived', async () => {
    const base = await start();
    const { collected } = schedule({ quietMs: 200 });
    const slow = fetch(`${base}/slow?ms=900`);
    await sleep(700);
    expect(collected).toEqual([]);
    expect((await slow).status).toBe(200);
    await sleep(500);
    expect(collected).toHaveLength(1);
    expect(collected[0]).toBeGreaterThanOrEqual(900 + 200 - 50);
  });

  test('gives up when no quiet moment comes in time, and stops on cancel or close', async () => {
    const base = await start();
    const busy = schedule({ quietMs: 500, withinMs: 600 });
    for (let i = 0; i < 10; i += 1) {
      await fetch(`${base}/`);
      await sleep(100);
    }
    await sleep(600);
    expect(busy.collected).toEqual([]);
    expect(server!.listenerCount('request')).toBe(1);

    const cancelled = schedule({ quietMs: 200 });
    cancelled.handle!.cancel();
    await sleep(400);
    expect(cancelled.collected).toEqual([]);

    const closed = schedule({ quietMs: 200 });
    await new Promise((r) => server!.close(r));
    server = undefined;
    await sleep(400);
    expect(closed.collected).toEqual([]);
  });
});

// Start-up as the server's leaves the heap: a young generation grown to its cap by objects that
// survived scavenges, then dropped; code compiled once (bytecode) and a TurboFan-optimised
// function. Then a server, quiet: V8's collection must shrink the young generation, return most
// of the memory to the system, and keep the compiled code.
const program = `
import http from 'node:http';
import v8 from 'node:v8';
import { giveBackStartUpMemoryWhenIdle } from ${JSON.stringify(path.join(root, 'src/warm-up.ts'))};
const fns = Array.from({ length: 300 }, (_, i) => new Function('a', 'return a * ' + i + ' + 1;'));
for (const f of fns) f(2);
function hot(o) { return o.a + o.b; }
%PrepareFunctionForOptimization(hot);
for (let i = 0; i < 1000; i += 1) hot({ a: i, b: 1 });
%OptimizeFunctionOnNextCall(hot);
hot({ a: 1, b: 2 });
let kept = [];
for (let i = 0; i < 1500000; i += 1) { kept.push({ i, text: 'start-up ' + i }); if (kept.length > 200000) kept = []; }
kept = undefined;
const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
// V8's kIsLazy: a function whose bytecode was flushed (it compiles again on its next call).
const flushed = () => fns.filter((f) => (%GetOptimizationStatus(f) & (1 << 18)) !== 0).length;
const before = { young: young(), flushed: flushed() };
const server = http.createServer((req, res) => res.end());
server.listen(0, '127.0.0.1', () => {
  const handle = giveBackStartUpMemoryWhenIdle(server, (result) => {
    process.stdout.write(JSON.stringify({
      scheduled: true, result, before,
      after: { young: young(), flushed: flushed() },
      optimised: (%GetOptimizationStatus(hot) & 16) !== 0,
    }));
    server.close();
  }, { quietMs: 200 });
  if (!handle) { process.stdout.write(JSON.stringify({ scheduled: false })); server.close(); }
});
`;

function run(nodeArgs: string[], nodeOptions: string) {
  return runNodeProgram<{
    scheduled: boolean;
    result: IdleGiveBack;
    before: { young: number; flushed: number };
    after: { young: number; flushed: number };
    optimised: boolean;
  }>([...nodeArgs, '--allow-natives-syntax'], program, nodeOptions);
}

describe("V8's collection at that moment", () => {
  test("with the image's flags: the young generation shrinks, RSS falls, compiled code stays", () => {
    const out = run(imageNodeArgs(root), imageNodeOptions(root));
    expect(out.scheduled).toBe(true);
    const MiB = 1048576;
    // Grown to the image's cap (2 × 16 MiB) by start-up, back to V8's smallest afterwards.
    expect(out.before.young).toBeGreaterThanOrEqual(24 * MiB);
    expect(out.after.young).toBeLessThanOrEqual(4 * MiB);
    // The pages are returned to the system, not only kept empty in V8's pool.
    expect(out.result.after.rssMiB).toBeLessThan(out.result.before.rssMiB - 20);
    // With the image's --no-flush-bytecode none of the functions start-up ran loses its bytecode
    // (with --stress-flush-code instead, all 300 do: checked by hand).
    expect(out.before.flushed).toBe(0);
    expect(out.after.flushed).toBe(0);
    expect(out.optimised).toBe(true);
  });

  test('without --expose-gc: nothing is scheduled', () => {
    expect(run(imageNodeArgs(root), '').scheduled).toBe(false);
  });
});
