// The native open-loop generator of the overload case (scripts/lib/open-loop.c) against small
// servers on loopback whose answers we know: it must count what they answered, keep its clock
// when they are slow, time out what they never answer, and refuse any address off loopback.
import { afterEach, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openLoopBinary, runOpenLoop } from '../scripts/lib/open-loop.ts';
import { runCommand } from '../scripts/lib/process.ts';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server that answers every third request 503 with Retry-After, the others 200 after `delayMs`. */
async function serve(
  delayMs: number,
  answer = true,
): Promise<{ port: number; seen: () => number }> {
  let seen = 0;
  server = http.createServer((req, res) => {
    seen += 1;
    if (!answer) return; // never answers
    if (seen % 3 === 0) {
      res.writeHead(503, { 'retry-after': '2', 'content-length': '2' }).end('{}');
      return;
    }
    const body = JSON.stringify({ path: req.url });
    setTimeout(() => res.writeHead(200, { 'content-length': body.length }).end(body), delayMs);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen: () => seen };
}

describe('the open-loop generator', () => {
  test('sends on its clock and counts every answer by status, with Retry-After checked', async () => {
    const { port, seen } = await serve(2);
    const run = await runOpenLoop({
      port,
      rate: 200,
      seconds: 2,
      maxConnections: 50,
      timeoutMs: 10_000,
      paths: ['/a', '/b'],
    });
    expect({ timeouts: run.timeouts, errors: run.errors, unsent: run.unsent }).toEqual({
      timeouts: 0,
      errors: 0,
      unsent: 0,
    });
    expect(run.due).toBeGreaterThanOrEqual(398);
    expect(run.due).toBeLessThanOrEqual(401);
    expect(run.sent).toBe(run.due);
    expect(seen()).toBe(run.due);
    expect((run.status['200'] ?? 0) + (run.status['503'] ?? 0)).toBe(run.due);
    expect(run.status['503']).toBe(Math.floor(run.due / 3));
    expect(run.shedWithoutRetryAfter).toBe(0);
    expect(run.latencyMs['200']!.p50).toBeGreaterThanOrEqual(2);
    expect(run.preconnected).toBe(50);
  }, 30_000);

  test('keeps its clock when the server is slow: waiting for a connection counts as latency', async () => {
    // 100 a second for 1 s on 2 connections; two answers in three take 100 ms: about 30 a second
    // at best, so requests queue in the generator and the last ones wait over 2 s from when
    // they were due (a closed-loop measure would report about 100 ms).
    const { port } = await serve(100);
    const run = await runOpenLoop({
      port,
      rate: 100,
      seconds: 1,
      maxConnections: 2,
      timeoutMs: 10_000,
      paths: ['/slow'],
    });
    expect(run.due).toBeGreaterThanOrEqual(99);
    expect(run.timeouts).toBe(0);
    expect(run.latencyMs['200']!.max).toBeGreaterThan(1500);
  }, 30_000);

  test('with a rate of 0 is a closed loop: as many as the connections carry, latency from sending', async () => {
    // 2 connections; two answers in three take 50 ms, the third none: about 60 a second.
    const { port } = await serve(50);
    const run = await runOpenLoop({
      port,
      rate: 0,
      seconds: 1,
      maxConnections: 2,
      timeoutMs: 2000,
      paths: ['/closed'],
    });
    const answered = (run.status['200'] ?? 0) + (run.status['503'] ?? 0);
    expect(answered).toBe(run.due);
    expect(run.preconnected).toBe(2);
    // A closed loop keeps both connections busy: each answers one cycle of three (two 200s and a
    // 503) per the latencies the generator measured, however late a loaded machine fired the
    // server's timers (a fixed floor of 35 failed once in CI with 28 answered; one connection
    // answers about 28). One connection, or a pause between answer and next request, falls
    // below 80 % of that. A stall of the server's process (it runs in this test's, which a busy
    // machine or a collection can hold: once 712 ms of the second, 14 answered against a floor of
    // 34) holds both connections at once; the time it took, its slowest answer's excess over
    // the typical, is not counted as time the connections could have been used.
    const cycleMs = 2 * run.latencyMs['200']!.p50 + run.latencyMs['503']!.p50;
    const stallMs = Math.max(
      0,
      ...Object.values(run.latencyMs).map((l) => (l ? l.max - l.p50 : 0)),
    );
    const floor = Math.floor((0.8 * 2 * 3 * Math.max(0, 1000 - stallMs)) / cycleMs);
    if (answered < floor)
      throw new Error(`closed loop: ${answered} answered < ${floor}: ${JSON.stringify(run)}`);
    // Two answers in three take at least 50 ms: no more than about 33 per connection a second.
    expect(answered).toBeLessThan(75);
    expect(run.latencyMs['200']!.p50).toBeGreaterThanOrEqual(50);
  }, 30_000);

  test('times out what is never answered', async () => {
    const { port } = await serve(0, false);
    const run = await runOpenLoop({
      port,
      rate: 50,
      seconds: 1,
      maxConnections: 10,
      timeoutMs: 300,
      paths: ['/never'],
    });
    expect(run.status).toEqual({});
    expect(run.timeouts).toBe(run.due);
  }, 30_000);

  test('refuses an address off loopback', async () => {
    const binary = await openLoopBinary();
    const refused = await runCommand(binary, [
      '10.0.0.1',
      '80',
      '10',
      '1',
      '1',
      '100',
      '/dev/null',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not a loopback/);
  }, 60_000);
});
