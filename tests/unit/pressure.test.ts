// Load shedding's arithmetic (utils/pressure.ts): the in-flight bound, and each sampled bound
// tripping and clearing, on this very process (real event loop, real heap), without a server.
import { afterEach, describe, expect, test } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OverloadLimits } from '../../src/config/config.ts';
import { createPressure, type Pressure } from '../../src/utils/pressure.ts';
import { capturedLogger } from './helpers.ts';

const OFF: OverloadLimits = {
  maxInFlight: 0,
  targetLatencyMs: 0,
  minInFlight: 1,
  maxEventLoopDelayMs: 0,
  maxHeapUsedRatio: 0,
  maxRssBytes: 0,
  sampleIntervalMs: 20,
  shedPauseMs: 0,
  retryAfterSeconds: 2,
};

let pressure: Pressure | undefined;
afterEach(() => pressure?.stop());

/** Waits (bounded) until the pressure reports `reason`. */
async function until(p: Pressure, reason: string | undefined, ms = 2000) {
  const deadline = Date.now() + ms;
  while (p.current() !== reason && Date.now() < deadline) await sleep(10);
  return p.current();
}

describe('the in-flight bound', () => {
  test('admits up to the bound, refuses the next, admits again after a release', () => {
    pressure = createPressure({ ...OFF, maxInFlight: 2 }, capturedLogger().logger);
    expect(pressure.admit()).toBeUndefined();
    expect(pressure.current()).toBeUndefined();
    expect(pressure.admit()).toBeUndefined();
    expect(pressure.current()).toBe('in-flight');
    expect(pressure.admit()).toBe('in-flight');
    expect(pressure.reading()).toMatchObject({ reason: 'in-flight', inFlight: 2 });
    pressure.release(performance.now());
    expect(pressure.current()).toBeUndefined();
    expect(pressure.admit()).toBeUndefined();
  });

  test('0 turns it off', () => {
    pressure = createPressure(OFF, capturedLogger().logger);
    for (let i = 0; i < 1000; i++) expect(pressure.admit()).toBeUndefined();
    expect(pressure.current()).toBeUndefined();
  });
});

describe('the adaptive in-flight bound (targetLatencyMs)', () => {
  const ADAPTIVE = { ...OFF, maxInFlight: 100, targetLatencyMs: 20, minInFlight: 2 };

  /** Waits (bounded) until the in-flight bound in force satisfies `ok`. */
  async function limitWhere(p: Pressure, ok: (limit: number) => boolean, ms = 2000) {
    const deadline = Date.now() + ms;
    while (!ok(p.reading().inFlightLimit) && Date.now() < deadline) await sleep(10);
    return p.reading().inFlightLimit;
  }

  test('slow requests tighten it to throughput × target, fast ones lift it again', async () => {
    pressure = createPressure({ ...ADAPTIVE, sampleIntervalMs: 50 }, capturedLogger().logger);
    pressure.start();
    expect(pressure.reading().inFlightLimit).toBe(100);
    // Ten requests that each take 60 ms, three times the target.
    for (let round = 0; round < 20 && pressure.reading().inFlightLimit === 100; round++) {
      const admittedAt = performance.now();
      for (let i = 0; i < 10; i++) expect(pressure.admit()).toBeUndefined();
      await sleep(60);
      for (let i = 0; i < 10; i++) pressure.release(admittedAt);
      await sleep(60); // a sample sees them
    }
    const tightened = pressure.reading().inFlightLimit;
    expect(tightened).toBeLessThan(100);
    expect(tightened).toBeGreaterThanOrEqual(2); // minInFlight
    expect(pressure.reading().meanLatencyMs).toBeGreaterThan(20);
    // The bound in force is the one admit() applies.
    const now = pressure.reading().inFlightLimit;
    for (let i = 0; i < now; i++) expect(pressure.admit()).toBeUndefined();
    expect(pressure.admit()).toBe('in-flight');
    expect(pressure.current()).toBe('in-flight');
    const at = performance.now();
    for (let i = 0; i < now; i++) pressure.release(at);
    // Quick requests (well under half the target): the fixed bound is back.
    const p = pressure;
    for (let i = 0; i < 200 && p.reading().inFlightLimit !== 100; i++) {
      expect(p.admit()).toBeUndefined();
      p.release(performance.now());
      await sleep(5);
    }
    expect(await limitWhere(pressure, (l) => l === 100)).toBe(100);
  });

  test('windows in which nothing ends, with requests in flight, do not lift it', async () => {
    pressure = createPressure({ ...ADAPTIVE, sampleIntervalMs: 20 }, capturedLogger().logger);
    pressure.start();
    for (let round = 0; round < 20 && pressure.reading().inFlightLimit === 100; round++) {
      const admittedAt = performance.now();
      for (let i = 0; i < 5; i++) pressure.admit();
      await sleep(60);
      for (let i = 0; i < 5; i++) pressure.release(admittedAt);
      await sleep(30);
    }
    const tightened = pressure.reading().inFlightLimit;
    expect(tightened).toBeLessThan(100);
    // Two requests stuck (on a lock, a dead dependency) through five windows: no news.
    pressure.admit();
    pressure.admit();
    await sleep(120);
    expect(pressure.reading().inFlightLimit).toBe(tightened);
  });

  test('0 turns it off: slow requests leave the fixed bound', async () => {
    pressure = createPressure(
      { ...ADAPTIVE, targetLatencyMs: 0, sampleIntervalMs: 20 },
      capturedLogger().logger,
    );
    pressure.start();
    const admittedAt = performance.now();
    for (let i = 0; i < 10; i++) pressure.admit();
    await sleep(60);
    for (let i = 0; i < 10; i++) pressure.release(admittedAt);
    await sleep(80);
    expect(pressure.reading().inFlightLimit).toBe(100);
  });
});

describe('the sampled bounds', () => {
  test('nothing to sample: start() samples nothing and nothing trips', async () => {
    pressure = createPressure(OFF, capturedLogger().logger);
    pressure.start();
    await sleep(60);
    expect(pressure.sampled()).toBeUndefined();
    expect(pressure.reading().rssBytes).toBe(0); // never sampled
  });

  test('a heap above its bound trips "heap", logged once, and stop() clears it', async () => {
    const { logger, lines } = capturedLogger();
    pressure = createPressure({ ...OFF, maxHeapUsedRatio: 0.000001 }, logger);
    expect(pressure.sampled()).toBeUndefined(); // not before start()
    pressure.start();
    expect(await until(pressure, 'heap')).toBe('heap');
    await sleep(80); // more samples, still over: no second warning
    expect(lines.filter((l) => l['message'] === 'overloaded: shedding new requests')).toHaveLength(
      1,
    );
    expect(pressure.reading().heapUsedRatio).toBeGreaterThan(0);
    pressure.stop();
    expect(pressure.current()).toBeUndefined();
  });

  test('resident memory above its bound trips "rss"', async () => {
    pressure = createPressure({ ...OFF, maxRssBytes: 1 }, capturedLogger().logger);
    expect(pressure.maxRssBytes).toBe(1);
    pressure.start();
    expect(await until(pressure, 'rss')).toBe('rss');
  });

  test('a blocked event loop trips "event-loop-delay", which clears once it turns again', async () => {
    const { logger, lines } = capturedLogger();
    pressure = createPressure({ ...OFF, maxEventLoopDelayMs: 30, sampleIntervalMs: 100 }, logger);
    pressure.start();
    // The loop blocked 80 ms at a time, for up to 1.5 s: every tick of the histogram is late.
    for (let i = 0; i < 20 && pressure.current() !== 'event-loop-delay'; i++) {
      const busyUntil = Date.now() + 80;
      while (Date.now() < busyUntil); // blocks every timer, the histogram's too
      await sleep(1);
    }
    expect(pressure.current()).toBe('event-loop-delay');
    expect(pressure.reading().eventLoopDelayMs).toBeGreaterThan(30);
    expect(await until(pressure, undefined)).toBeUndefined();
    expect(lines.map((l) => l['message'])).toContain('no longer overloaded');
  });
});
