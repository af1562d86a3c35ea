// The native open-loop load generator (scripts/lib/open-loop.c), built on first use, run on a
// core of its own when it can be (bench-proc.ts pins): a generator in Node on the server's cores
// falls behind with the server and flatters it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { ensureCommand, hasTaskset } from './bench-proc.ts';
import { runCommand, type CommandResult } from './process.ts';

const source = path.join(import.meta.dirname, 'open-loop.c');

/**
 * The generator's binary, compiled from its source with the system's C compiler into
 * node_modules/.cache (keyed by the source's hash, so an edit rebuilds it). Installs Debian's
 * gcc when no compiler is found. Throws with a sentence when it cannot.
 */
export async function openLoopBinary(): Promise<string> {
  const code = readFileSync(source);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  const cacheRoot = path.join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
  const dir = existsSync(path.dirname(cacheRoot)) ? cacheRoot : tmpdir();
  const binary = path.join(dir, 'open-loop', `open-loop-${hash}`);
  if (existsSync(binary)) return binary;
  ensureCommand('cc', 'gcc');
  mkdirSync(path.dirname(binary), { recursive: true });
  const built = await runCommand('cc', ['-O2', '-Wall', '-o', binary, source]);
  if (built.code !== 0) throw new Error(`cc failed to build ${source}:\n${built.stderr}`);
  return binary;
}

export interface OpenLoopResult {
  due: number;
  sent: number;
  status: Record<string, number>;
  shedWithoutRetryAfter: number;
  latencyMs: Record<'200' | '503', { p50: number; p99: number; max: number } | null>;
  timeouts: number;
  errors: number;
  unsent: number;
  connections: number;
  /** Connections open before the clock started. */
  preconnected: number;
  /** Sent again once: a reused connection closed before answering (keep-alive race). */
  resent: number;
  /** Answers to no request: the server's 408 to a connection idle since it opened. */
  unsolicited: number;
}

export interface OpenLoopOptions {
  port: number;
  /** Requests a second, on a clock; 0 for a closed loop (capacity). */
  rate: number;
  seconds: number;
  maxConnections: number;
  timeoutMs: number;
  paths: string[];
  /** Pins the generator to this CPU when taskset exists. */
  cpu?: number;
  /** Called when the generator's clock starts (its connections are open; sending begins). */
  onClockStart?: () => void;
}

const CLOCK_STARTED = 'open-loop: clock started\n';

/** runCommand, also calling `onClockStart` when the generator says its clock started. */
function runGenerator(
  cmd: string,
  argv: string[],
  onClockStart?: () => void,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let started = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      if (!started && stderr.includes(CLOCK_STARTED)) {
        started = true;
        stderr = stderr.replace(CLOCK_STARTED, '');
        onClockStart?.();
      }
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the generator against 127.0.0.1 and resolves with what it measured. */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const binary = await openLoopBinary();
  const pathsFile = path.join(tmpdir(), `open-loop-paths-${process.pid}.txt`);
  writeFileSync(pathsFile, `${options.paths.join('\n')}\n`);
  const argv = [
    '127.0.0.1',
    String(options.port),
    String(Math.round(options.rate)),
    String(options.seconds),
    String(options.maxConnections),
    String(options.timeoutMs),
    pathsFile,
  ];
  const pinned = options.cpu !== undefined && canPin();
  const run = pinned
    ? await runGenerator(
        'taskset',
        ['-c', String(options.cpu), binary, ...argv],
        options.onClockStart,
      )
    : await runGenerator(binary, argv, options.onClockStart);
  if (run.code !== 0) throw new Error(`open-loop exited ${run.code}: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout) as OpenLoopResult;
}

/**
 * taskset exists and the machine has at least two CPUs to split between server and generator
 * (counted on the machine, not from this process's affinity, which an earlier pin narrowed).
 */
export const canPin = (): boolean => hasTaskset && cpus().length >= 2;
