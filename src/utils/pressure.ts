// Load shedding: whether this instance is overloaded, from bounds in the configuration. Sampled
// every `sampleIntervalMs` (event-loop delay, V8 heap, resident memory, and the throughput and
// mean latency of admitted requests) plus the live count of requests in flight. The edge answers
// new requests 503 while a bound is passed (middleware/shed-load.ts), /ready reports it, and it
// clears by itself when the load drops.
//
// The in-flight bound adapts (Little's law: requests in flight = throughput × time in the
// instance). While the mean latency of the requests that ended in a window is above
// `targetLatencyMs`, at most throughput × targetLatencyMs requests are admitted at once (never
// fewer than `minInFlight`, never more than `maxInFlight`), so admitted requests keep about the
// target's latency whatever this instance's capacity is at the moment; the bound goes back to
// `maxInFlight` once the mean falls below half the target. A fixed bound alone keeps latency at
// maxInFlight ÷ capacity: fine on a fast instance, seconds on a slow or starved one.
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
  /** The in-flight bound now: maxInFlight, or the adaptive one while latency is high (0: none). */
  inFlightLimit: number;
  /** Mean milliseconds from admission to the end of the requests that ended in the last window. */
  meanLatencyMs: number;
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
  /** Ends a request admitted at `admittedAt` (performance.now()), which times it. */
  release(admittedAt: number): void;
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
  // The in-flight bound in force (0: none), and what the adaptive one measures per window.
  const ceiling = limits.maxInFlight; // 0: none
  let inFlightLimit = ceiling;
  let adapting = false;
  let ended = 0;
  let endedMs = 0;
  let windowStart = performance.now();
  let last: PressureReading = {
    reason: undefined,
    inFlight: 0,
    inFlightLimit,
    meanLatencyMs: 0,
    eventLoopDelayMs: 0,
    heapUsedRatio: 0,
    rssBytes: 0,
  };

  /** Little's law on the last window (see the head of this file). */
  function adapt(): number {
    const now = performance.now();
    const seconds = (now - windowStart) / 1000;
    const count = ended;
    const meanLatencyMs = count > 0 ? endedMs / count : 0;
    const throughput = seconds > 0 ? count / seconds : 0;
    ended = 0;
    endedMs = 0;
    windowStart = now;
    const target = limits.targetLatencyMs;
    if (target <= 0) return meanLatencyMs;
    // Nothing ended while requests are in flight (all of them stuck on something): no news.
    if (count === 0 && inFlight > 0) return meanLatencyMs;
    if (!adapting && meanLatencyMs > target) adapting = true;
    else if (adapting && meanLatencyMs < target / 2) adapting = false;
    if (!adapting) inFlightLimit = ceiling;
    else {
      const adapted = Math.max(limits.minInFlight, Math.floor((throughput * target) / 1000));
      inFlightLimit = ceiling > 0 ? Math.min(ceiling, adapted) : adapted;
    }
    return meanLatencyMs;
  }

  function sample(): void {
    const meanLatencyMs = adapt();
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
    last = {
      reason,
      inFlight,
      inFlightLimit,
      meanLatencyMs,
      eventLoopDelayMs: delayMs,
      heapUsedRatio,
      rssBytes: rss,
    };
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
      if (inFlightLimit > 0 && inFlight >= inFlightLimit) return 'in-flight';
      inFlight += 1;
      return undefined;
    },
    release(admittedAt) {
      inFlight -= 1;
      ended += 1;
      endedMs += performance.now() - admittedAt;
    },
    current() {
      if (sampled) return sampled;
      return inFlightLimit > 0 && inFlight >= inFlightLimit ? 'in-flight' : undefined;
    },
    reading() {
      return { ...last, reason: this.current(), inFlight, inFlightLimit };
    },
    start() {
      if (timer) return;
      const sampling =
        limits.maxEventLoopDelayMs > 0 ||
        limits.maxHeapUsedRatio > 0 ||
        maxRssBytes > 0 ||
        limits.targetLatencyMs > 0;
      if (!sampling) return;
      histogram.enable();
      windowStart = performance.now();
      ended = 0;
      endedMs = 0;
      timer = setInterval(sample, limits.sampleIntervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      histogram.disable();
      sampled = undefined;
      adapting = false;
      inFlightLimit = ceiling;
    },
  };
}
