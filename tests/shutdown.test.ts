// Graceful shutdown of the real server process: on SIGTERM readiness turns 503, the listener
// closes, a request already in flight still gets its answer, and the process exits with 0.
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { startServer } from './helpers/server-process.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

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
  }, 90_000);

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
  }, 90_000);
});
