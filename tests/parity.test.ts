// Contract parity: the real server behind `prism proxy --errors`, which checks every response
// against the contract and turns a violation into a 500 with an `sl-violations` header. A
// journey through every domain, with the errors a client meets, must pass through untouched.
// (Request validation is left to our server: Prism's own 422 for invalid requests would hide
// our 400s, so it is off here.)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, signInAdmin, STRONG_PASSWORD, type Signed } from './helpers/auth.ts';
import { freePort } from './helpers/ports.ts';

// PARITY_CONTRACT points Prism at another copy, e.g. to see it fail on a renamed field.
const CONTRACT = process.env.PARITY_CONTRACT ?? 'generated/openapi.yaml';
let app: TestApp;
let prism: ChildProcess;
let proxy: string;
let admin: Signed;
const seen: { what: string; status: number; violations: string | undefined }[] = [];

beforeAll(async () => {
  app = await startTestApp();
  admin = await signInAdmin(app);
  const port = await freePort();
  prism = spawn(
    'node_modules/.bin/prism',
    [
      'proxy',
      CONTRACT,
      app.url,
      '--errors',
      '--validate-request',
      'false',
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-v',
      'error',
    ],
    { stdio: 'ignore' },
  );
  proxy = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    // Any answer means Prism is listening (a contract that fails /health answers 500).
    if (
      await fetch(`${proxy}/health`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (i > 150) throw new Error('prism proxy did not start');
    await sleep(100);
  }
}, 60_000);

afterAll(async () => {
  prism?.kill('SIGTERM');
  await app?.close();
});

async function through(what: string, req: request.Test): Promise<request.Response> {
  const res = await req;
  seen.push({
    what,
    status: res.status,
    violations: res.headers['sl-violations'],
  });
  return res;
}

describe('responses through prism proxy --errors', () => {
  test('a journey through every domain, including its error answers, breaks no response schema', async () => {
    const p = () => request(proxy);
    await through('health', p().get('/health'));
    await through('ready', p().get('/ready'));
    await through('openapi.json', p().get('/openapi.json'));

    const email = `parity-${randomUUID().slice(0, 8)}@example.com`;
    const reg = await through(
      'register',
      p().post('/api/v1/auth/register').send({ email, password: STRONG_PASSWORD, name: 'Parity' }),
    );
    const user = { accessToken: reg.body.data?.accessToken as string };
    await through(
      'register again (409)',
      p().post('/api/v1/auth/register').send({ email, password: STRONG_PASSWORD, name: 'Parity' }),
    );
    await through(
      'weak password (400)',
      p()
        .post('/api/v1/auth/register')
        .send({ email: `w-${email}`, password: 'password1', name: 'W' }),
    );
    const login = await through(
      'login',
      p().post('/api/v1/auth/login').send({ email, password: STRONG_PASSWORD }),
    );
    await through(
      'wrong password (401)',
      p().post('/api/v1/auth/login').send({ email, password: 'not-the-password' }),
    );
    await through(
      'refresh',
      p().post('/api/v1/auth/refresh').send({ refreshToken: login.body.data?.refreshToken }),
    );
    await through('me', p().get('/api/v1/users/me').set(bearer(user)));
    await through(
      'update me',
      p().patch('/api/v1/users/me').set(bearer(user)).send({ name: 'Parity Two' }),
    );
    await through('sessions', p().get('/api/v1/auth/sessions').set(bearer(user)));
    await through('customer on admin route (403)', p().get('/api/v1/users').set(bearer(user)));
    await through('admin list users', p().get('/api/v1/users?limit=5').set(bearer(admin)));

    const created = await through(
      'create product',
      p()
        .post('/api/v1/products')
        .set(bearer(admin))
        .send({
          sku: `PAR-${randomUUID().slice(0, 6)}`,
          name: 'Parity Kettle',
          priceCents: 3999,
          currency: 'EUR',
          stock: 3,
          category: 'kitchen',
        }),
    );
    const productId = created.body.data?.id as string;
    const page = await through('list products', p().get('/api/v1/products?q=Parity&limit=5'));
    await through(
      'next page by cursor',
      p().get(
        `/api/v1/products?limit=1&cursor=${encodeURIComponent(String(page.body.meta?.pagination?.nextCursor ?? 'x'))}`,
      ),
    );
    const one = await through('get product', p().get(`/api/v1/products/${productId}`));
    await through(
      'not modified (304)',
      p().get(`/api/v1/products/${productId}`).set('If-None-Match', String(one.headers['etag'])),
    );
    await through(
      'stale If-Match (412)',
      p()
        .patch(`/api/v1/products/${productId}`)
        .set(bearer(admin))
        .set('If-Match', '"v0-00000000"')
        .send({ stock: 4 }),
    );
    await through(
      'unknown product (404)',
      p().get('/api/v1/products/00000000-0000-4000-8000-000000000000'),
    );

    const order = await through(
      'checkout',
      p()
        .post('/api/v1/orders')
        .set(bearer(user))
        .set('Idempotency-Key', randomUUID())
        .send({ items: [{ productId, quantity: 2 }] }),
    );
    await through(
      'insufficient stock (409)',
      p()
        .post('/api/v1/orders')
        .set(bearer(user))
        .set('Idempotency-Key', randomUUID())
        .send({ items: [{ productId, quantity: 2 }] }),
    );
    await through('list orders', p().get('/api/v1/orders').set(bearer(user)));
    await through(
      'cancel',
      p()
        .post(`/api/v1/orders/${order.body.data?.id as string}/cancel`)
        .set(bearer(user)),
    );
    await through(
      'cancel again (409)',
      p()
        .post(`/api/v1/orders/${order.body.data?.id as string}/cancel`)
        .set(bearer(user)),
    );
    await through('logout', p().post('/api/v1/auth/logout').set(bearer(user)));
    await through('revoked token (401)', p().get('/api/v1/users/me').set(bearer(user)));

    const broken = seen.filter((s) => s.violations !== undefined || s.status >= 500);
    expect(broken).toEqual([]);
    // The journey reached the real server: success and error answers both came back.
    expect(seen.map((s) => s.status)).toEqual(
      expect.arrayContaining([200, 201, 204, 304, 400, 401, 403, 404, 409, 412]),
    );
  }, 60_000);
});
