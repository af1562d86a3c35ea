// express-openapi-validator compiles its Ajv schemas lazily, on the first request of each route;
// the app compiles them at start-up instead (openApiValidatorReady in
// src/middleware/openapi-validator.ts). Watched here through Ajv itself: after start-up, the
// first request to every operation of the contract must not add or compile a single schema.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, signInAdmin, type Signed } from './helpers/auth.ts';
import { cases, named, send } from './helpers/contract-cases.ts';

// The validator's own copy of Ajv. Every schema it adds or compiles, for a request or a
// response, goes through these two methods of Ajv's core class (ajv 8: `getSchema` and `compile`
// both end in `_compileSchemaEnv`).
type AjvMethod = (this: unknown, ...args: unknown[]) => unknown;
const validatorRequire = createRequire(
  createRequire(import.meta.url).resolve('express-openapi-validator'),
);
const ajvCore = (validatorRequire('ajv/dist/core') as { default: { prototype: object } }).default
  .prototype as Record<string, AjvMethod>;
const WATCHED = ['addSchema', '_compileSchemaEnv'] as const;
const originals = new Map<string, AjvMethod>();
const schemaWork: string[] = [];
let during = 'start-up';

/** What Ajv did, counted by request and method: `{}` when nothing was added or compiled. */
function tally(work: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of work) counts[w] = (counts[w] ?? 0) + 1;
  return counts;
}

function watchAjv(): void {
  for (const name of WATCHED) {
    const original = ajvCore[name];
    if (typeof original !== 'function') throw new Error(`Ajv has no ${name}: update this test`);
    originals.set(name, original);
    ajvCore[name] = function (this: unknown, ...args: unknown[]) {
      schemaWork.push(`${during}: ${name}`);
      return original.apply(this, args);
    };
  }
}

let app: TestApp;
let admin: Signed;
let atStartUp: string[];
beforeAll(async () => {
  watchAjv();
  app = await startTestApp();
  atStartUp = schemaWork.splice(0);
  during = 'signing in';
  admin = await signInAdmin(app);
});
afterAll(async () => {
  for (const [name, original] of originals) ajvCore[name] = original;
  await app?.close();
});

describe('the contract validators', () => {
  test('are watched: Ajv is seen compiling while the app starts', () => {
    expect(atStartUp.filter((w) => w.endsWith('_compileSchemaEnv')).length).toBeGreaterThan(
      cases.length,
    );
  });

  test('the first request to every operation compiles nothing', async () => {
    for (const [name, c] of named(cases)) {
      during = name;
      // Any status will do: every request passes the validator before the routes see it.
      const res = await send(app, c).set(bearer(admin));
      expect(res.status).toBeLessThan(500);
    }
    expect(tally(schemaWork)).toEqual({});
  });

  test('Content-Type variants reuse the operation’s validators and are validated alike', async () => {
    schemaWork.length = 0;
    during = 'POST /api/v1/auth/login with a charset';
    const login = await request(app.url)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'Application/JSON; charset=UTF-8')
      .send(JSON.stringify({ email: 'not-an-email', password: 'x' }));
    expect(login.status).toBe(400);
    expect(login.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/body/email' })]),
    );

    during = 'GET /api/v1/products with a stray Content-Type';
    const list = await request(app.url).get('/api/v1/products').set('Content-Type', 'text/x-rand');
    expect(list.status).toBe(200);

    during = 'HEAD /api/v1/products/{id}';
    const head = await request(app.url).head(
      '/api/v1/products/00000000-0000-4000-8000-000000000000',
    );
    expect(head.status).toBe(404);

    expect(tally(schemaWork)).toEqual({});
  });
});
