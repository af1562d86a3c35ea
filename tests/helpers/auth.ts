// Signs users up and in through the real API, and makes admins the way production does
// (ensureAdmin, as ADMIN_EMAIL/ADMIN_PASSWORD do at start-up).
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { TEST_JWT_SECRET, type TestApp } from './app.ts';

export const STRONG_PASSWORD = 'correct-horse-battery-staple';

export interface Signed {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  cookie: string;
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

function signedFrom(res: request.Response, email: string, password: string): Signed {
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`expected 200/201, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = setCookie.find((c) => c.startsWith('refresh_token='))?.split(';')[0] ?? '';
  return {
    id: res.body.data.user.id,
    email,
    password,
    accessToken: res.body.data.accessToken,
    refreshToken: res.body.data.refreshToken,
    cookie,
  };
}

export async function register(
  app: TestApp,
  email = uniqueEmail(),
  password = STRONG_PASSWORD,
): Promise<Signed> {
  const res = await request(app.url)
    .post('/api/v1/auth/register')
    .send({ email, password, name: 'Test User' });
  return signedFrom(res, email, password);
}

export async function login(
  app: TestApp,
  email: string,
  password = STRONG_PASSWORD,
): Promise<Signed> {
  const res = await request(app.url).post('/api/v1/auth/login').send({ email, password });
  return signedFrom(res, email, password);
}

export async function signInAdmin(app: TestApp): Promise<Signed> {
  const email = uniqueEmail('admin');
  // Outside any request, as at start-up: ensureAdmin opens its own unit of work.
  await app.services.auth.ensureAdmin(
    { email, password: STRONG_PASSWORD, name: 'Admin' },
    { ip: undefined, userAgent: 'test', requestId: undefined },
  );
  return login(app, email);
}

export const bearer = (s: { accessToken: string }) => ({
  Authorization: `Bearer ${s.accessToken}`,
});

/** An access token with the same claims as `token` (same session, same user), already expired. */
export function expiredCopy(token: string): string {
  const claims = jwt.decode(token) as Record<string, unknown>;
  return jwt.sign({ ...claims, iat: 1_700_000_000, exp: 1_700_000_900 }, TEST_JWT_SECRET, {
    algorithm: 'HS256',
    header: { alg: 'HS256', typ: 'at+jwt' },
  });
}
