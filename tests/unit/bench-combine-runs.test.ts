// `npm run bench` and `bench:memory` give each configuration its seconds in turns (so a slower
// minute of the machine falls on every configuration alike) and report the turns as one run:
// scripts/lib/wrk.ts combineRuns must weigh req/s by time, not average the turns' rates.
import { describe, expect, test } from '@jest/globals';
import { combineRuns, type WrkResult } from '../../scripts/lib/wrk.ts';

const run = (requests: number, seconds: number, p50Ms: number, p99Ms: number, errors = 0) =>
  ({ requests, seconds, rps: requests / seconds, errors, p50Ms, p99Ms }) satisfies WrkResult;

describe('combineRuns', () => {
  test('requests, seconds and errors add up; req/s is their quotient', () => {
    const combined = combineRuns([
      run(2000, 2, 5, 40),
      run(6000, 2, 3, 20, 1),
      run(1000, 1, 9, 90),
    ]);
    expect(combined).toMatchObject({ requests: 9000, seconds: 5, rps: 1800, errors: 1 });
    // Not the mean of the turns' rates (1000, 3000, 1000: 1666.7).
    expect(combined.rps).not.toBeCloseTo(5000 / 3);
  });

  test("p50 is the turns' median p50 and p99 their highest p99", () => {
    const combined = combineRuns([run(10, 1, 5, 40), run(10, 1, 3, 20), run(10, 1, 9, 90)]);
    expect(combined.p50Ms).toBe(5);
    expect(combined.p99Ms).toBe(90);
  });

  test('no turns is an error, not NaN', () => {
    expect(() => combineRuns([])).toThrow(/no runs/);
  });
});
