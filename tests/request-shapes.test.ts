// Every request and response object keeps the shape it was born with (src/app.ts,
// nodeClassesFor): the properties Express, the router and the app's middleware add as a request
// is served have slots declared by the server's request classes, so whatever the route, the
// outcome or the caller, each object ends with the same own properties in the same order (V8:
// one hidden class, and no property store grown per request). A middleware that starts adding a
// property of its own fails this test until its slot is declared there.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, register } from './helpers/auth.ts';

interface Shapes {
  route: string;
  /** Whether the request's body stream was born ended (servingOptions, src/app.ts). */
  bornEnded: boolean;
  req: { born: PropertyKey[]; served: PropertyKey[] };
  res: { born: PropertyKey[]; served: PropertyKey[] };
}

let app: TestApp;
const served: Promise<Shapes>[] = [];

function watch(req: IncomingMessage, res: ServerResponse): void {
  const route = `${req.method} ${req.url}`;
  const born = { req: Reflect.ownKeys(req), res: Reflect.ownKeys(res) };
  const bornEnded = req.readableEnded;
  served.push(
    new Promise((resolve) => {
      // After 'close', and a turn later: what Node itself does to them at the end is done too.
      res.once('close', () =>
        setImmediate(() =>
          resolve({
            route,
            bornEnded,
            req: { born: born.req, served: Reflect.ownKeys(req) },
            res: { born: born.res, served: Reflect.ownKeys(res) },
          }),
        ),
      );
    }),
  );
}

beforeAll(async () => {
  app = await startTestApp({ observe: watch });
});
afterAll(() => app.close());

const name = (key: PropertyKey): string => String(key);
const added = (shape: { born: PropertyKey[]; served: PropertyKey[] }) =>
  shape.served.filter((key) => !shape.born.includes(key)).map(name);

/**
 * What may still be added to a request: Express's `query` is a getter the validator pins, and
 * the router's tracing marks are its own symbols.
 */
const requestMayGain = (key: string) => key === 'query' || key.startsWith('Symbol(router.tracing.');
/**
 * What only tests add to a response: the helper's contract-coverage wrapper replaces `res.end`
 * (tests/helpers/app.ts), and the contract's response validation, on in tests and off in
 * production (VALIDATE_RESPONSES), wraps `res.json`.
 */
const responseMayGain = (key: string) => key === 'end' || key === 'json';

describe('request and response objects', () => {
  test('keep the shape they were born with, whatever the route and outcome', async () => {
    const user = await register(app);
    const agent = request(app.url);
    await agent.get('/health').expect(200);
    await agent.head('/health').expect(200);
    await agent.get('/ready').expect(200);
    await agent.get('/api/v1/products?limit=2&sort=-createdAt').expect(200);
    await agent.get(`/api/v1/products/${randomUUID()}`).expect(404);
    await agent.get('/api/v1/products/not-an-id').expect(400);
    await agent.get('/api/v1/users/me').set(bearer(user)).expect(200);
    await agent.get('/api/v1/users/me').expect(401);
    await agent
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    await agent.get('/no/such/path').expect(404);
    await agent.options('/api/v1/products').set('Origin', 'https://elsewhere.example').expect(405);

    const shapes = await Promise.all(served);
    expect(shapes.length).toBeGreaterThanOrEqual(12);
    for (const shape of shapes) {
      expect({
        route: shape.route,
        gained: added(shape.req).filter((k) => !requestMayGain(k)),
      }).toEqual({
        route: shape.route,
        gained: [],
      });
      expect({
        route: shape.route,
        gained: added(shape.res).filter((k) => !responseMayGain(k)),
      }).toEqual({
        route: shape.route,
        gained: [],
      });
    }
    // A request that announces no body is born with its body stream ended (Node skips the
    // stream's events for it); the one that sends a body is not.
    expect(shapes.map((shape) => [shape.route, shape.bornEnded])).toEqual(
      shapes.map((shape) => [shape.route, !shape.route.startsWith('POST ')]),
    );
    expect(shapes.some((shape) => shape.route.startsWith('POST '))).toBe(true);
    // And so one order of properties for all of them.
    const order = (keys: PropertyKey[], mayGain: (key: string) => boolean) =>
      keys.map(name).filter((key) => !mayGain(key));
    const first = shapes[0]!;
    for (const shape of shapes) {
      expect(order(shape.req.served, requestMayGain)).toEqual(
        order(first.req.served, requestMayGain),
      );
      expect(order(shape.res.served, responseMayGain)).toEqual(
        order(first.res.served, responseMayGain),
      );
    }
  });
});
