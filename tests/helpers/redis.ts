// A real redis-server on a free loopback port, for tests of state shared between instances.
// Debian's redis-server is used when it is installed (`.ci/run` installs it); without it these
// tests are skipped, with a note, so `npm test` still runs on a bare machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';
import { freePort } from './ports.ts';

export const REDIS_BIN = process.env.REDIS_SERVER_BIN ?? 'redis-server';

export function redisAvailable(): boolean {
  return spawnSync(REDIS_BIN, ['--version'], { stdio: 'ignore' }).status === 0;
}

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

async function waitForPort(port: number, deadline: number): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port}`);
    await sleep(50);
  }
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_BIN,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: 'ignore' },
  );
  await waitForPort(port, Date.now() + 10_000);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
