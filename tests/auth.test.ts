// Authentication against the real app and database: the journey, rotation and reuse detection,
// token forgery, revocation taking effect at once, and what never appears in a response.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.ts';
import { bearer, login, register, STRONG_PASSWORD, uniqueEmail } from './helpers/auth.ts';

let app: TestApp;
/** Every response body of this file, to check at the end that no secret ever left. */
const seen: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ env: { REFRESH_REUSE_GRACE_SECONDS: '0' } });
});
afterAll(() => app.close());

function keep(res: request.Response): request.Response {
  seen.push(res.text ?? '', JSON.stringify(res.headers));
  return res;
}

const me = (token: string) =>
  request(app.url).get('/api/v1/users/me').set('Authorization', `Bearer ${token}`).then(keep);
const refresh = (refreshToken: string) =>
  request(app.url).post('/api/v1/auth/refresh').send({ refreshToken }).then(keep);

describe('the sign-in journey', () => {
  test('register → login → me → refresh (rotates) → logout kills the access token at once', async () => {
    const email = uniqueEmail();
    const registered = await register(app, email);
    expect(registered.accessToken).toEqual(expect.any(String));

    const session = await login(app, email.toUpperCase()); // emails are case-insensitive
    const profile = await me(session.accessToken);
    expect(profile.status).toBe(200);
    expect(profile.body.data).toEqual(
      expect.objectContaining({ id: registered.id, email, role: 'customer', disabled: false }),
    );

    const rotated = await refresh(session.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.refreshToken).not.toBe(session.refreshToken);
    expect(rotated.body.data.accessToken).toEqual(expect.any(String));
    // The old refresh token is dead now (and presenting it is reuse: see below).
    expect((await refresh(session.refreshToken)).status).toBe(401);

    const fresh = await login(app, email);
    const logout = keep(await request(app.url).post('/api/v1/auth/logout').set(bearer(fresh)));
    expect(logout.status).toBe(204);
    expect(logout.headers['set-cookie']?.[0]).toMatch(/^refresh_token=;.*Expires=Thu, 01 Jan 1970/);
    const after = await me(fresh.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
    expect((await refresh(fresh.refreshToken)).status).toBe(401);
    // Another session of the same user is untouched.
    expect((await me(registered.accessToken)).status).toBe(200);
  });

  test('the refresh cookie is HttpOnly, SameSite=Strict, scoped to /api/v1/auth, Secure', async () => {
    const res = keep(
      await request(app.url)
        .post('/api/v1/auth/register')
        .send({ email: uniqueEmail(), password: STRONG_PASSWORD, name: 'C' }),
    );
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^refresh_token=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('Path=/api/v1/auth');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Secure');
    // Up to the session's absolute end, 30 days away.
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(2_592_000 - 60);
    expect(maxAge).toBeLessThanOrEqual(2_592_000);
  });

  test('browsers get the refresh token only as the cookie, and refresh with it', async () => {
    const res = keep(
      await request(app.url)
        .post('/api/v1/auth/register')
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ email: uniqueEmail(), password: STRONG_PASSWORD, name: 'Browser' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.data).not.toHaveProperty('refreshToken');
    const cookie = (res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const rotated = keep(
      await request(app.url)
        .post('/api/v1/auth/refresh')
        .set('Cookie', cookie)
        .set('Sec-Fetch-Site', 'same-origin'),
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.data).not.toHaveProperty('refreshToken');
    expect(rotated.headers['set-cookie']?.[0]).toMatch(/^refresh_token=[A-Za-z0-9_-]{43};/);
  });

  test('logout-all ends every session and every access token of the user', async () => {
    const email = uniqueEmail();
    const a = await register(app, email);
    const b = await login(app, email);
    const c = await login(app, email);
    const res = keep(await request(app.url).post('/api/v1/auth/logout-all').set(bearer(b)));
    expect(res.status).toBe(204);
    for (const s of [a, b, c]) {
      expect((await me(s.accessToken)).status).toBe(401);
      expect((await refresh(s.refreshToken)).status).toBe(401);
    }
    // Signing in again works.
    expect((await me((await login(app, email)).accessToken)).status).toBe(200);
  });

  test('a password change ends every other session; the current one stays', async () => {
    const email = uniqueEmail();
    const current = await register(app, email);
    const other = await login(app, email);
    const res = keep(
      await request(app.url)
        .post('/api/v1/auth/password')
        .set(bearer(current))
        .send({ currentPassword: STRONG_PASSWORD, newPassword: 'purple-monkey-dishwasher-42' }),
    );
    expect(res.status).toBe(204);
    expect((await me(current.accessToken)).status).toBe(200);
    expect((await me(other.accessToken)).status).toBe(401);
    expect((await refresh(other.refreshToken)).status).toBe(401);
    // The old password no longer works; the new one does.
    expect(
      keep(
        await request(app.url)
          .post('/api/v1/auth/login')
          .send({ email, password: STRONG_PASSWORD }),
      ).status,
    ).toBe(401);
    await login(app, email, 'purple-monkey-dishwasher-42');
  });

  test('a password change with a wrong current password is 401 and changes nothing', async () => {
    const s = await register(app);
    const res = keep(
      await request(app.url)
        .post('/api/v1/auth/password')
        .set(bearer(s))
        .send({ currentPassword: 'not-my-password', newPassword: 'purple-monkey-dishwasher-42' }),
    );
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    await login(app, s.email);
  });
});

describe('refresh token reuse', () => {
  test('replaying a rotated token is 401 and kills the newest token of the family too', async () => {
    const s = await register(app);
    const second = (await refresh(s.refreshToken)).body.data;
    const third = (await refresh(second.refreshToken)).body.data;
    expect((await me(third.accessToken)).status).toBe(200);

    const replay = await refresh(s.refreshToken);
    expect(replay.status).toBe(401);
    expect((await refresh(third.refreshToken)).status).toBe(401);
    expect((await me(third.accessToken)).status).toBe(401);
    const [row] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ count: string }[]>(
        `select count(*) from audit_events where event = 'refresh.reused' and user_id = ?`,
        [s.id],
      );
    expect(row?.count).toBe('1');
  });

  test('an unknown refresh token is 401, a malformed one 400, none at all 401', async () => {
    expect((await refresh('A'.repeat(43))).status).toBe(401);
    expect((await refresh('short')).status).toBe(400);
    const none = keep(await request(app.url).post('/api/v1/auth/refresh'));
    expect(none.status).toBe(401);
  });
});

describe('refresh grace rule', () => {
  let graceApp: TestApp;
  beforeAll(async () => {
    graceApp = await startTestApp({
      databaseUrl: app.config.db.url,
      env: { REFRESH_REUSE_GRACE_SECONDS: '10' },
    });
  });
  afterAll(() => graceApp.close());

  test('two concurrent refreshes of one token: exactly one succeeds, the other is 409, nobody is signed out', async () => {
    const s = await register(graceApp);
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        request(graceApp.url).post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }),
      ),
    );
    results.forEach(keep);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const conflict = results.find((r) => r.status === 409);
    expect(conflict?.body.code).toBe('REFRESH_CONFLICT');
    const winner = results.find((r) => r.status === 200)?.body.data;
    // The family is alive: the winner's tokens work and rotate on.
    expect((await request(graceApp.url).get('/api/v1/users/me').set(bearer(winner))).status).toBe(
      200,
    );
    const next = await request(graceApp.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: winner.refreshToken });
    expect(next.status).toBe(200);
  });
});

describe('access token verification', () => {
  let victim: Awaited<ReturnType<typeof register>>;
  let claims: Record<string, unknown>;
  beforeAll(async () => {
    victim = await register(app);
    claims = jwt.decode(victim.accessToken) as Record<string, unknown>;
  });

  const sign = (payload: object, secret: string, options: jwt.SignOptions = {}) =>
    jwt.sign(payload, secret, {
      algorithm: 'HS256',
      header: { alg: 'HS256', typ: 'at+jwt' },
      ...options,
    });

  test('the real token works', async () => {
    expect((await me(victim.accessToken)).status).toBe(200);
  });

  test('a token signed with another secret is 401', async () => {
    expect((await me(sign(claims, 'not-the-secret-not-the-secret-not-the-secret'))).status).toBe(
      401,
    );
  });

  test('alg: none is 401', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(claims)}.`;
    expect((await me(unsigned)).status).toBe(401);
  });

  test('another algorithm with the same secret (HS512) is 401', async () => {
    const token = jwt.sign(claims, TEST_JWT_SECRET, {
      algorithm: 'HS512',
      header: { alg: 'HS512', typ: 'at+jwt' },
    });
    expect((await me(token)).status).toBe(401);
  });

  test('an expired token is 401 TOKEN_EXPIRED', async () => {
    const expired = sign({ ...claims, iat: 1_700_000_000, exp: 1_700_000_900 }, TEST_JWT_SECRET);
    const res = await me(expired);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
  });

  test('a token for another audience or issuer is 401', async () => {
    expect((await me(sign({ ...claims, aud: 'someone-else' }, TEST_JWT_SECRET))).status).toBe(401);
    expect((await me(sign({ ...claims, iss: 'someone-else' }, TEST_JWT_SECRET))).status).toBe(401);
  });

  test('a JWT without the access-token type is 401', async () => {
    const token = jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS256' });
    expect((await me(token)).status).toBe(401);
  });

  test('a refresh token presented as an access token is 401', async () => {
    const res = await me(victim.refreshToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  test('a token claiming admin is still the customer it belongs to (role comes from the database)', async () => {
    const forgedRole = sign({ ...claims, role: 'admin' }, TEST_JWT_SECRET);
    expect(
      (await request(app.url).get('/api/v1/users').set('Authorization', `Bearer ${forgedRole}`))
        .status,
    ).toBe(403);
  });

  test('a token of an old token version is 401', async () => {
    const old = sign({ ...claims, tv: (claims['tv'] as number) - 1 }, TEST_JWT_SECRET);
    expect((await me(old)).status).toBe(401);
  });

  test('no Authorization, or not a Bearer JWT, is 401 with WWW-Authenticate', async () => {
    const none = await request(app.url).get('/api/v1/users/me');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(
      (await request(app.url).get('/api/v1/users/me').set('Authorization', 'Basic YTpi')).status,
    ).toBe(401);
  });
});

describe('registration rules', () => {
  test('"role":"admin" in the body is 400 and creates nothing', async () => {
    const email = uniqueEmail();
    const res = keep(
      await request(app.url)
        .post('/api/v1/auth/register')
        .send({ email, password: STRONG_PASSWORD, name: 'X', role: 'admin' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_ERROR');
    expect(res.body.details).toEqual([expect.objectContaining({ path: '/body/role' })]);
    expect(
      (await request(app.url).post('/api/v1/auth/login').send({ email, password: STRONG_PASSWORD }))
        .status,
    ).toBe(401);
  });

  test.each([
    ['a common password', 'password123'],
    ['a keyboard walk', 'qwertyuiop'],
    ['the email in disguise', 'weakling-user1'],
  ])('%s is refused with 400 WEAK_PASSWORD', async (_label, password) => {
    const res = keep(
      await request(app.url)
        .post('/api/v1/auth/register')
        .send({ email: 'weakling-user@example.com', password, name: 'Weakling' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('WEAK_PASSWORD');
    expect(res.body.details[0].path).toBe('/body/password');
  });

  test('passwords outside 8–128 characters are 400', async () => {
    for (const password of ['Sh0rt!x', 'x'.repeat(129)]) {
      const res = await request(app.url)
        .post('/api/v1/auth/register')
        .send({ email: uniqueEmail(), password, name: 'L' });
      expect(res.status).toBe(400);
    }
  });

  test('a taken email, in any case, is 409 EMAIL_TAKEN', async () => {
    const s = await register(app);
    const res = keep(
      await request(app.url)
        .post('/api/v1/auth/register')
        .send({ email: s.email.toUpperCase(), password: STRONG_PASSWORD, name: 'Twin' }),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  test('the long tail of a 128-character password counts (no 72-byte bcrypt truncation)', async () => {
    const base = 'tangerine-octopus-'.repeat(5); // 90 characters
    const s = await register(app, uniqueEmail(), `${base}A`);
    const wrong = await request(app.url)
      .post('/api/v1/auth/login')
      .send({ email: s.email, password: `${base}B` });
    expect(wrong.status).toBe(401);
    await login(app, s.email, `${base}A`);
  });
});

describe('login failures', () => {
  test('an unknown email and a wrong password answer the same body', async () => {
    const s = await register(app);
    const unknown = keep(
      await request(app.url)
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail(), password: 'whatever-it-is' }),
    );
    const wrong = keep(
      await request(app.url)
        .post('/api/v1/auth/login')
        .send({ email: s.email, password: 'whatever-it-is' }),
    );
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  test('the 6th rapid failure is 429 with Retry-After, even with the right password, and survives a restart', async () => {
    const s = await register(app);
    for (let i = 1; i <= 5; i += 1) {
      const res = await request(app.url)
        .post('/api/v1/auth/login')
        .send({ email: s.email, password: `wrong-${i}-password` });
      expect(res.status).toBe(401);
    }
    const sixth = keep(
      await request(app.url)
        .post('/api/v1/auth/login')
        .send({ email: s.email, password: s.password }),
    );
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(800);

    // A new process on the same database: the lock is in PostgreSQL, not in memory.
    const restarted = await startTestApp({ databaseUrl: app.config.db.url });
    try {
      const res = await request(restarted.url)
        .post('/api/v1/auth/login')
        .send({ email: s.email, password: s.password });
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toEqual(expect.any(String));
    } finally {
      await restarted.close();
    }
    // Another account from the same IP is not locked by it.
    const other = await register(app);
    await login(app, other.email);
  });

  test('failures are recorded in the audit log with IP, user agent and request id, never the email', async () => {
    const s = await register(app);
    await request(app.url)
      .post('/api/v1/auth/login')
      .set('User-Agent', 'audit-check/1.0')
      .set('X-Request-Id', 'audit-check-1')
      .send({ email: s.email, password: 'not-the-password' });
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute<Record<string, unknown>[]>(
        `select * from audit_events where request_id = 'audit-check-1'`,
      );
    expect(rows).toEqual([
      expect.objectContaining({
        event: 'login.failed',
        user_id: s.id,
        ip: '127.0.0.1',
        user_agent: 'audit-check/1.0',
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(s.email);
  });
});

describe('secrets never leave', () => {
  test('no response of this file carried a password hash, a token hash or a password', async () => {
    const hashes = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ h: string }[]>(
        'select token_hash as h from refresh_tokens union all select password_hash from users',
      );
    expect(hashes.length).toBeGreaterThan(10);
    const all = seen.join('\n');
    expect(all).not.toMatch(/passwordHash|password_hash|tokenHash|token_hash/);
    expect(all).not.toContain('$2b$');
    for (const { h } of hashes) expect(all).not.toContain(h);
    expect(all).not.toContain(STRONG_PASSWORD);
  });

  test('no log line carried a password, a token or an email', () => {
    const logs = JSON.stringify(app.logs);
    expect(logs).not.toContain(STRONG_PASSWORD);
    expect(logs).not.toMatch(/@example\.com/);
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
    // The check looks at real content: security events were logged.
    expect(logs).toContain('security event');
  });
});
