// Rules that hold for every operation of the contract, checked by walking the bundled document
// itself (so a new operation is covered the day it is added): every protected operation refuses
// an anonymous caller with 401 and a caller without its `x-permission` with 403 (also when the
// request breaks the contract: the guards come first, ADR 0024), every operation
// under /api is subject to the per-IP quota (429),
// and every `{id}` refuses a malformed id with 400. Requests are built from the contract's own
// examples, which therefore must be valid.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { build, cases, doc, named, send, type Case } from './helpers/contract-cases.ts';
import { bearer, register, signInAdmin, type Signed } from './helpers/auth.ts';
import { operations } from '../generated/operations.ts';
import { PERMISSIONS } from '../src/api/auth/auth.permissions.ts';

const isProtected = (c: Case) => {
  const security = c.op.security ?? doc.security ?? [];
  return security.length > 0 && !security.some((s) => Object.keys(s).length === 0);
};

let app: TestApp;
let admin: Signed;
let customer: Signed;
beforeAll(async () => {
  app = await startTestApp();
  admin = await signInAdmin(app);
  customer = await register(app);
});
afterAll(() => app.close());

describe('every operation of the contract', () => {
  const protectedCases = cases.filter(isProtected);
  test('there are protected operations to check', () => {
    expect(protectedCases.length).toBeGreaterThan(15);
  });

  test.each(protectedCases.map((c) => [`${c.method.toUpperCase()} ${c.template}`, c] as const))(
    '%s refuses an anonymous caller with 401',
    async (_name, c) => {
      expect(c.op.responses['401']).toBeDefined();
      const res = await send(app, c);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(
        expect.objectContaining({ status: 'error', code: 'UNAUTHENTICATED' }),
      );
    },
  );

  const permissionOf = (c: Case) =>
    (operations as Record<string, { permission: string | null }>)[c.op.operationId]?.permission;
  const customerLacks = (c: Case) => {
    const permission = permissionOf(c);
    return permission != null && !(PERMISSIONS.customer as readonly string[]).includes(permission);
  };
  test('every protected operation names its permission, and customers lack some', () => {
    expect(protectedCases.filter((c) => !permissionOf(c))).toEqual([]);
    expect(protectedCases.filter(customerLacks).length).toBeGreaterThan(5);
  });

  test.each(named(protectedCases.filter(customerLacks)))(
    '%s refuses a signed-in caller without its permission with 403',
    async (_name, c) => {
      expect(c.op.responses['403']).toBeDefined();
      const res = await send(app, c).set(bearer(customer));
      expect(res.status).toBe(403);
      expect(res.body).toEqual(expect.objectContaining({ status: 'error', code: 'FORBIDDEN' }));
    },
  );

  /**
   * Everything the request carries breaks the contract: a malformed id, an unknown query
   * parameter, an unknown body field. The guards answer before the validator (ADR 0024), so
   * nobody without the token or the permission learns what the operation accepts.
   */
  const contractBreaking = (c: Case) => {
    const req = build(app, c, { id: 'not-a-uuid' }).query({ unexpectedParam: '1' });
    return c.op.requestBody ? req.send({ unexpectedField: true }) : req;
  };

  test.each(named(protectedCases))(
    '%s refuses an anonymous caller with 401 before it looks at the request',
    async (_name, c) => {
      const res = await contractBreaking(c);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(
        expect.objectContaining({ status: 'error', code: 'UNAUTHENTICATED' }),
      );
      // The same request with the token is refused by the validator: it did break the contract.
      const valid = await contractBreaking(c).set(bearer(admin));
      expect(valid.status).toBe(400);
      expect(valid.body.code).toBe('VALIDATION_ERROR');
    },
  );

  test.each(named(protectedCases.filter(customerLacks)))(
    '%s refuses a caller without its permission with 403 before it looks at the request',
    async (_name, c) => {
      const res = await contractBreaking(c).set(bearer(customer));
      expect(res.status).toBe(403);
      expect(res.body).toEqual(expect.objectContaining({ status: 'error', code: 'FORBIDDEN' }));
    },
  );

  test.each(named(protectedCases.filter((c) => !customerLacks(c))))(
    '%s lets a caller with its permission through the edge',
    async (_name, c) => {
      // A caller of its own: logout and logout-all end the session they are called with.
      const res = await send(app, c).set(bearer(await register(app)));
      // The handler answered: not the edge's 401/403 (a wrong current password is its own 401).
      expect(res.status).not.toBe(403);
      if (res.status === 401) expect(res.body.code).toBe('INVALID_CREDENTIALS');
    },
  );

  const withId = cases.filter((c) => c.template.includes('{id}'));
  test.each(withId.map((c) => [`${c.method.toUpperCase()} ${c.template}`, c] as const))(
    '%s refuses a malformed id with 400',
    async (_name, c) => {
      const res = await send(app, c, { id: 'not-a-uuid' }).set(bearer(admin));
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: '/params/id' })]),
      );
    },
  );

  test.each(
    withId
      .filter((c) => c.op.responses['404'])
      .map((c) => [`${c.method.toUpperCase()} ${c.template}`, c] as const),
  )('%s answers 404 for an id that does not exist', async (_name, c) => {
    const res = await send(app, c, { id: '00000000-0000-4000-8000-000000000000' }).set(
      bearer(admin),
    );
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('every operation closes its inputs', () => {
  test.each(named(cases))('%s refuses an unknown query parameter with 400', async (_name, c) => {
    expect(c.op.responses['400']).toBeDefined();
    const res = await send(app, c).query({ unexpectedParam: '1' }).set(bearer(admin));
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      expect.objectContaining({ status: 'error', code: 'VALIDATION_ERROR' }),
    );
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/query/unexpectedParam' })]),
    );
  });

  const withBody = cases.filter((c) => c.op.requestBody);
  test('there are operations with a body to check', () => {
    expect(withBody.length).toBeGreaterThan(10);
  });

  test.each(named(withBody))('%s answers 415 to a body that is not JSON', async (_name, c) => {
    expect(c.op.responses['415']).toBeDefined();
    const res = await build(app, c)
      .set(bearer(admin))
      .set('Content-Type', 'text/plain')
      .send('not json');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test.each(named(withBody))('%s answers 413 to a body over 100 KB', async (_name, c) => {
    expect(c.op.responses['413']).toBeDefined();
    const res = await build(app, c)
      .set(bearer(admin))
      .send({ padding: 'x'.repeat(110_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('the per-IP quota covers every operation under /api', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({
      databaseUrl: app.config.db.url,
      env: { API_RATE_LIMIT_PER_MINUTE: '1' },
    });
    await request(limited.url).get('/api/v1/products'); // spends the one request of the minute
  });
  afterAll(() => limited.close());

  const apiCases = cases.filter((c) => c.template.startsWith('/api/'));
  test.each(apiCases.map((c) => [`${c.method.toUpperCase()} ${c.template}`, c] as const))(
    '%s answers 429 with Retry-After once the quota is spent',
    async (_name, c) => {
      expect(c.op.responses['429']).toBeDefined();
      const res = await send(limited, c).set(bearer(admin));
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.headers['ratelimit-remaining']).toBe('0');
    },
  );
});
