// The server's request objects are born with the app's prototypes (src/app.ts, nodeClassesFor),
// so Express's per-request Object.setPrototypeOf has nothing to change; and everything Express
// and Node give a request still works on them.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import express, { type Express } from 'express';
import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeClassesFor } from '../../src/app.ts';

interface Seen {
  bornWithAppPrototypes: boolean;
  prototypeKeptByExpress: boolean;
  nodeInstances: boolean;
}

let app: Express;
let server: Server;
let url: string;
const seen: Seen[] = [];
beforeAll(async () => {
  app = express();
  // What an app may have put on its prototypes before it is served.
  (app.request as unknown as Record<string, unknown>)['tenant'] = 'acme';
  const classes = nodeClassesFor(app);
  app.get('/things/:id', (req, res) => {
    const last = seen.at(-1)!;
    last.prototypeKeptByExpress =
      Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response;
    res
      .status(201)
      .set('X-Thing', req.params['id'])
      .json({
        id: req.params['id'],
        q: req.query['q'],
        accept: req.get('accept'),
        ip: req.ip,
        tenant: (req as unknown as Record<string, unknown>)['tenant'],
        sameApp: req.app === app,
      });
  });
  server = createServer(classes, (req, res) => {
    seen.push({
      bornWithAppPrototypes:
        Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response,
      prototypeKeptByExpress: false,
      nodeInstances: req instanceof IncomingMessage && res instanceof ServerResponse,
    });
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("the server's request classes", () => {
  test('each request is born with the app prototypes, which Express then leaves as they are', async () => {
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(`${url}/things/${i}?q=x`, {
        headers: { accept: 'application/json' },
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-thing')).toBe(String(i));
      expect(await res.json()).toEqual({
        id: String(i),
        q: 'x',
        accept: 'application/json',
        ip: '127.0.0.1',
        tenant: 'acme',
        sameApp: true,
      });
    }
    expect(seen).toEqual(
      Array.from({ length: 3 }, () => ({
        bornWithAppPrototypes: true,
        prototypeKeptByExpress: true,
        nodeInstances: true,
      })),
    );
  });

  test("Express's own 404 and a request body still work on them", async () => {
    const res = await fetch(`${url}/nothing`, { method: 'POST', body: 'x'.repeat(100_000) });
    expect(res.status).toBe(404);
    expect(seen.at(-1)!.bornWithAppPrototypes).toBe(true);
  });
});

describe("a second app given the first's classes (the start-up rehearsal's)", () => {
  test("serves with the first app's prototypes, which its own dispatch leaves as they are", async () => {
    const second = express();
    const classes = nodeClassesFor(second, nodeClassesFor(express()));
    const kept: boolean[] = [];
    second.get('/', (req, res) => {
      kept.push(Object.getPrototypeOf(req) === classes.IncomingMessage.prototype);
      res.json({ ok: true, ip: req.ip });
    });
    const other = createServer(classes, second);
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      expect(await res.json()).toEqual({ ok: true, ip: '127.0.0.1' });
      expect(kept).toEqual([true]);
      expect(second.request).toBe(classes.IncomingMessage.prototype);
      expect(second.response).toBe(classes.ServerResponse.prototype);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
