// Graceful shutdown of the real server process: on SIGTERM readiness turns 503, the listener
// closes, a request already in flight still gets its answer, and the process exits with 0.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

interface Spawned {
  child: ChildProcessWithoutNullStreams;
  lines: Record<string, unknown>[];
  waitFor(message: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, ['src/server.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
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
    waitFor: (message, timeoutMs = 15_000) => {
      const seen = lines.find((l) => l['message'] === message);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${message}" log line`)), timeoutMs);
        waiters.push({ message, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
  };
}

function rawRequest(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString('utf8')));
  const ended = new Promise<string>((resolve) => socket.once('close', () => resolve(response)));
  return { socket, ended };
}

describe('graceful shutdown', () => {
  test('SIGTERM drains: ready 503, in-flight request answered, new connections refused, exit 0', async () => {
    const server = startServer({ DATABASE_URL: database.url, SHUTDOWN_DELAY_MS: '600' });
    try {
      const { port } = (await server.waitFor('listening')) as { port: number };
      const base = `http://127.0.0.1:${port}`;
      expect((await request(base).get('/ready')).status).toBe(200);

      // A request whose body is only half sent when the signal arrives.
      const slow = rawRequest(port);
      slow.socket.write(
        'POST /api/v1/anything HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Content-Length: 10\r\n\r\n{"slow":',
      );
      await sleep(100);
      server.child.kill('SIGTERM');
      await server.waitFor('shutting down');

      const ready = await request(base).get('/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.code).toBe('SERVICE_UNAVAILABLE');

      await sleep(800); // past SHUTDOWN_DELAY_MS: the listener is closed now
      await expect(request(base).get('/health')).rejects.toThrow(/ECONNREFUSED/);

      slow.socket.write('1}');
      // The answer arrives, then the server closes the connection (slow.ended resolves on close).
      const response = await slow.ended;
      expect(response).toMatch(/^HTTP\/1\.1 404 /);
      expect(response).toContain('"code":"NOT_FOUND"');

      expect(await server.exited).toBe(0);
      expect(server.lines.map((l) => l['message'])).toContain('shutdown complete');
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 30_000);

  test('a request that outlives SHUTDOWN_TIMEOUT_MS is cut off and the process still exits 0', async () => {
    const server = startServer({ DATABASE_URL: database.url, SHUTDOWN_TIMEOUT_MS: '300' });
    try {
      const { port } = (await server.waitFor('listening')) as { port: number };
      const stuck = rawRequest(port);
      stuck.socket.write(
        'POST /api/v1/anything HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Content-Length: 10\r\n\r\n{"st',
      );
      await sleep(100);
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      await stuck.ended;
      expect(await server.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(5000);
      expect(server.lines.map((l) => l['message'])).toContain(
        'in-flight requests did not finish in time; closing their connections',
      );
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 30_000);
});
