// The native open-loop load generator (scripts/lib/open-loop.c), built on first use, and CPU
// pinning, so that a load run can give the generator a core of its own: a generator in Node on
// the server's cores falls behind with the server and flatters it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from './process.ts';

const source = path.join(import.meta.dirname, 'open-loop.c');

async function installed(command: string): Promise<boolean> {
  const found = await runCommand('sh', ['-c', `command -v ${command}`]).catch(() => undefined);
  return found?.code === 0;
}

/** apt-get install, as root or through password-less sudo; false if neither works. */
async function aptInstall(pkg: string): Promise<boolean> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const asRoot = (argv: string[]) =>
    process.getuid?.() === 0
      ? runCommand(argv[0]!, argv.slice(1), { env })
      : runCommand('sudo', ['-n', ...argv], { env });
  if ((await asRoot(['apt-get', 'update', '-qq'])).code !== 0) return false;
  return (await asRoot(['apt-get', 'install', '-y', '-qq', pkg])).code === 0;
}

/**
 * The generator's binary, compiled from its source with the system's C compiler into
 * node_modules/.cache (keyed by the source's hash, so an edit rebuilds it). Installs Debian's
 * gcc when no compiler is found. Rejects with a sentence when it cannot.
 */
export async function openLoopBinary(): Promise<string> {
  const code = readFileSync(source);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  const cacheRoot = path.join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
  const dir = existsSync(path.dirname(cacheRoot)) ? cacheRoot : tmpdir();
  const binary = path.join(dir, 'open-loop', `open-loop-${hash}`);
  if (existsSync(binary)) return binary;
  if (!(await installed('cc')) && !(await aptInstall('gcc')))
    throw new Error('the open-loop generator needs a C compiler: apt-get install gcc');
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
  const pinned = options.cpu !== undefined && (await canPin());
  const run = pinned
    ? await runCommand('taskset', ['-c', String(options.cpu), binary, ...argv])
    : await runCommand(binary, argv);
  if (run.code !== 0) throw new Error(`open-loop exited ${run.code}: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout) as OpenLoopResult;
}

let pinnable: boolean | undefined;
/** taskset exists and there are at least two CPUs to split between server and generator. */
export async function canPin(): Promise<boolean> {
  pinnable ??= availableParallelism() >= 2 && (await installed('taskset'));
  return pinnable;
}

/** The process and its children (from /proc), for pinning a process tree such as PostgreSQL's. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const walk = (p: number) => {
    tree.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return tree;
}

/**
 * Pins a process, its threads and its children to `cpus` (e.g. "0"; "0-N" to undo); processes
 * it forks later inherit the setting. Returns false when pinning is not possible here.
 */
export async function pinTree(pid: number, cpus: string): Promise<boolean> {
  if (!(await canPin())) return false;
  for (const p of processTree(pid))
    await runCommand('taskset', ['-a', '-p', '-c', cpus, String(p)]);
  return true;
}

/** Every CPU, for undoing a pin. */
export const allCpus = () => `0-${availableParallelism() - 1}`;
