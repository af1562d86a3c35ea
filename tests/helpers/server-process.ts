// Runs the real server (src/server.ts) or worker (src/worker.ts) as a child process, as
// `npm start` and `npm run worker` do, and reads its JSON log lines from stdout.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { TEST_JWT_SECRET } from './app.ts';

export interface Spawned {
  child: ChildProcessWithoutNullStreams;
  lines: Record<string, unknown>[];
  waitFor(message: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

export function startServer(env: Record<string, string>, script = 'src/server.ts'): Spawned {
  const child = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET: TEST_JWT_SECRET,
      ...env,
    },
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { message: string; resolve: (l: Record<string, unknown>) => void }[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.trim()) continue;
      const line = JSON.parse(part) as Record<string, unknown>;
      lines.push(line);
      for (const w of waiters.filter((w) => w.message === line['message'])) w.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    lines,
    exited,
    waitFor: (message, timeoutMs = 45_000) => {
      const seen = lines.find((l) => l['message'] === message);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${message}" log line`)), timeoutMs);
        waiters.push({ message, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
  };
}
