// Runs wrk (one thread, pinned to its own CPU when taskset exists) and reads its result: the Lua
// script's `done` hook prints one JSON line with requests, duration, errors by kind and latency
// percentiles (wrk's own histogram, the one `--latency` prints).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pinned } from './bench-proc.ts';
import { median } from './process.ts';

export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  /** Non-2xx/3xx answers, socket errors (connect, read, write) and timeouts. */
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

const DONE = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

/** A GET of a random line of `idsFile` appended to `prefix` (ids read once per thread). */
const RANDOM_ID = `
local ids = {}
local prefix = ""
init = function(args)
  prefix = args[2]
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  math.randomseed(os.time())
end
request = function()
  return wrk.format("GET", prefix .. ids[math.random(#ids)])
end
`;

/** Writes the two Lua scripts into `dir`; returns their paths. */
export function writeWrkScripts(dir: string): { fixed: string; randomId: string } {
  const fixed = path.join(dir, 'fixed.lua');
  const randomId = path.join(dir, 'random-id.lua');
  writeFileSync(fixed, DONE);
  writeFileSync(randomId, RANDOM_ID + DONE);
  return { fixed, randomId };
}

export interface WrkRun {
  wrk: string;
  url: string;
  script: string;
  /** Passed to the script's init (random-id.lua: the ids file and the path prefix). */
  scriptArgs?: string[];
  seconds: number;
  connections: number;
  /** CPU for wrk (taskset), or undefined. */
  cpu?: number;
}

export function runWrk(run: WrkRun): Promise<WrkResult> {
  const argv = [
    run.wrk,
    '-t1',
    `-c${run.connections}`,
    `-d${run.seconds}s`,
    '--timeout',
    '5s',
    '--latency',
    '-s',
    run.script,
    run.url,
    ...(run.scriptArgs?.length ? ['--', ...run.scriptArgs] : []),
  ];
  const full = run.cpu === undefined ? argv : pinned(run.cpu, argv);
  return new Promise((resolve, reject) => {
    const child = spawn(full[0]!, full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    // wrk stops itself after -d; this bounds a wedged run.
    const killer = setTimeout(() => child.kill('SIGKILL'), (run.seconds + 30) * 1000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      const line = /WRK_RESULT (\{.*\})/.exec(out)?.[1];
      if (code !== 0 || !line) return reject(new Error(`wrk exited ${code}:\n${out}`));
      const r = JSON.parse(line) as Record<string, number>;
      const seconds = r.duration! / 1e6;
      resolve({
        requests: r.requests!,
        seconds,
        rps: r.requests! / seconds,
        errors: r.status! + r.connect! + r.read! + r.write! + r.timeout!,
        p50Ms: r.p50! / 1000,
        p99Ms: r.p99! / 1000,
      });
    });
  });
}

/**
 * Runs of one configuration taken in turns (`npm run bench`, `bench:memory`) as one result:
 * requests and errors summed, req/s over the seconds summed; p50 the runs' median p50 and p99
 * their highest p99 (percentiles of separate runs do not merge exactly; the highest p99 is the
 * conservative side, for every configuration alike).
 */
export function combineRuns(runs: WrkResult[]): WrkResult {
  if (runs.length === 0) throw new Error('combineRuns: no runs');
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  return {
    requests,
    seconds,
    rps: requests / seconds,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
  };
}
