// Load shedding: whether this instance is overloaded, from bounds in the configuration. Sampled
// every `sampleIntervalMs` (event-loop delay, V8 heap, resident memory) plus the live count of
// requests in flight. The edge answers new requests 503 while a bound is passed
// (middleware/shed-load.ts), /ready reports it, and it clears by itself when the load drops.
// The model is Fastify's @fastify/under-pressure; docs/adr/0013-load-shedding.md says why we
// wrote the small piece instead.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { OverloadLimits } from '../config/config.ts';
import type { Logger } from './logger.ts';

export type { OverloadLimits };

export const PRESSURE_REASONS = ['in-flight', 'event-loop-delay', 'heap', 'rss'] as const;
export type PressureReason = (typeof PRESSURE_REASONS)[number];

export interface PressureReading {
  reason: PressureReason | undefined;
  inFlight: number;
  eventLoopDelayMs: number;
  heapUsedRatio: number;
  rssBytes: number;
}

export interface Pressure {
  readonly limits: OverloadLimits;
  /** The resolved RSS bound (0: off). */
  readonly maxRssBytes: number;
  /** The bound the last sample passed (event-loop delay, heap, RSS), or undefined. */
  sampled(): PressureReason | undefined;
  /**
   * Counts a request in flight: undefined when it is admitted (then `release` must follow when
   * it ends), 'in-flight' when the bound is reached.
   */
  admit(): 'in-flight' | undefined;
  release(): void;
  /** Why the instance counts as overloaded now (for readiness), or undefined. */
  current(): PressureReason | undefined;
  /** The last sample, for logs and tests. */
  reading(): PressureReading;
  /** Starts sampling; call once start-up is done, so its own work is not counted as load. */
  start(): void;
  stop(): void;
}

/**
 * 90 % of the cgroup's memory limit (a pod's or a container's), when the process has one below
 * the machine's memory; 0 (no bound) otherwise. Without a limit Node reports 0 or 2^64.
 */
function containerRssBound(): number {
  const limit = process.constrainedMemory();
  return limit > 0 && limit < totalmem() ? Math.floor(limit * 0.9) : 0;
}

export function createPressure(limits: OverloadLimits, logger: Logger): Pressure {
  const maxRssBytes = limits.maxRssBytes ?? containerRssBound();
  const heapLimit = getHeapStatistics().heap_size_limit;
  const resolutionMs = 10;
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  let timer: NodeJS.Timeout | undefined;
  let inFlight = 0;
  let sampled: PressureReason | undefined;
  let last: PressureReading = {
    reason: undefined,
    inFlight: 0,
    eventLoopDelayMs: 0,
    heapUsedRatio: 0,
    rssBytes: 0,
  };

  function sample(): void {
    // The histogram records each tick of a `resolution` timer; what is above it is delay.
    const delayMs = histogram.count > 0 ? Math.max(0, histogram.mean / 1e6 - resolutionMs) : 0;
    histogram.reset();
    const { heapUsed, rss } = process.memoryUsage();
    const heapUsedRatio = heapUsed / heapLimit;
    let reason: PressureReason | undefined;
    if (limits.maxEventLoopDelayMs > 0 && delayMs > limits.maxEventLoopDelayMs)
      reason = 'event-loop-delay';
    else if (limits.maxHeapUsedRatio > 0 && heapUsedRatio > limits.maxHeapUsedRatio)
      reason = 'heap';
    else if (maxRssBytes > 0 && rss > maxRssBytes) reason = 'rss';
    last = { reason, inFlight, eventLoopDelayMs: delayMs, heapUsedRatio, rssBytes: rss };
    if (reason !== sampled) {
      if (reason) logger.warn('overloaded: shedding new requests', { ...last });
      else logger.info('no longer overloaded', { ...last });
    }
    sampled = reason;
  }

  return {
    limits,
    maxRssBytes,
    sampled() {
      return sampled;
    },
    admit() {
      if (limits.maxInFlight > 0 && inFlight >= limits.maxInFlight) return 'in-flight';
      inFlight += 1;
      return undefined;
    },
    release() {
      inFlight -= 1;
    },
    current() {
      if (sampled) return sampled;
      return limits.maxInFlight > 0 && inFlight >= limits.maxInFlight ? 'in-flight' : undefined;
    },
    reading() {
      return { ...last, reason: this.current(), inFlight };
    },
    start() {
      if (timer) return;
      const sampling =
        limits.maxEventLoopDelayMs > 0 || limits.maxHeapUsedRatio > 0 || maxRssBytes > 0;
      if (!sampling) return;
      histogram.enable();
      timer = setInterval(sample, limits.sampleIntervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      histogram.disable();
      sampled = undefined;
    },
  };
}
