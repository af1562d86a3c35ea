// What `npm run bench` reads from Linux about the processes it measures: CPU time (user +
// system, all threads) from /proc/<pid>/stat, the PostgreSQL server's processes, CPU pinning
// with taskset, and the load generator (Debian's wrk, installed when missing).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux we run on). */
const TICKS_PER_SECOND = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process is gone
  }
}

/**
 * CPU time a process has used, in microseconds: utime + stime (fields 14 and 15), all its
 * threads; with `children`, also what its waited-for children used (cutime + cstime).
 */
export function cpuMicros(pid: number, children = false): number {
  const f = statFields(pid);
  if (!f) return 0;
  // f[0] is field 3 (state): field n is f[n - 3].
  let ticks = Number(f[11]) + Number(f[12]);
  if (children) ticks += Number(f[13]) + Number(f[14]);
  return (ticks * 1e6) / TICKS_PER_SECOND;
}

/** `pid` and all its descendants (a PostgreSQL postmaster and its backends). */
export function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f) parentOf.set(Number(entry), Number(f[1]));
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) {
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

/** CPU of a whole process tree, exited children included (they are reaped by the root). */
export function treeCpuMicros(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + cpuMicros(pid, pid === root), 0);
}

export const hasTaskset = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset');

/** argv prefixed with `taskset -c <cpu>` when taskset exists. */
export function pinned(cpu: number, argv: string[]): string[] {
  return hasTaskset ? ['taskset', '-c', String(cpu), ...argv] : argv;
}

/**
 * Pins running processes (all their threads) to `cpu` (a number, or a list such as "0-1" to
 * undo a pin); their future children inherit it.
 */
export function pin(cpu: number | string, pids: number[]): void {
  if (!hasTaskset) return;
  for (const pid of pids) {
    spawnSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
  }
}

/** The postmaster's pid, the first line of postmaster.pid in the data directory. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n', 1)[0]);
}

/**
 * Path of `command`, installing Debian's package `pkg` (as root or with sudo -n) when it is
 * missing. Throws with a sentence when it cannot.
 */
export function ensureCommand(command: string, pkg: string): string {
  const which = () =>
    spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  let found = which();
  if (found) return found;
  const sudo = userInfo().uid === 0 ? [] : ['sudo', '-n'];
  console.error(`${command} is missing: installing Debian's ${pkg} package`);
  const apt = (args: string[]) =>
    spawnSync(
      sudo.length ? 'sudo' : 'apt-get',
      [...(sudo.length ? ['-n', 'apt-get'] : []), ...args],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: 300_000,
      },
    ).status === 0;
  const install = ['install', '-y', '--no-install-recommends', pkg];
  if (!apt(install) && apt(['update'])) apt(install);
  found = which();
  if (!found)
    throw new Error(`${command} could not be installed (needs root or sudo -n, and apt-get)`);
  return found;
}

/** Path of wrk, installing Debian's package when it is missing. */
export const ensureWrk = (): string => ensureCommand('wrk', 'wrk');

/** Load average (1, 5, 15 min) as /proc/loadavg says. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
