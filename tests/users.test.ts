// Users: the caller's own account, admin management (RBAC), sessions, password reset, quotas.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import {
  bearer,
  login,
  register,
  signInAdmin,
  STRONG_PASSWORD,
  uniqueEmail,
  type Signed,
} from './helpers/auth.ts';

let app: TestApp;
let admin: Signed;

beforeAll(async () => {
  // The job handlers run in this process, so reset mails are delivered during the test.
  app = await startTestApp({ env: { WORKER_IN_PROCESS: 'true' } });
  admin = await signInAdmin(app);
});
afterAll(() => app.close());

const api = () => request(app.url);

describe('my account', () => {
  test('PATCH /users/me changes the name', async () => {
    const s = await register(app);
    const res = await api().patch('/api/v1/users/me').set(bearer(s)).send({ name: '  Ada King ' });
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe('Ada King');
  });

  test('changing the email needs the current password', async () => {
    const s = await register(app);
    const newEmail = uniqueEmail('moved');
    const without = await api().patch('/api/v1/users/me').set(bearer(s)).send({ email: newEmail });
    expect(without.status).toBe(400);
    expect(without.body.code).toBe('CURRENT_PASSWORD_REQUIRED');
    expect(without.body.details[0].path).toBe('/body/currentPassword');
    const wrong = await api()
      .patch('/api/v1/users/me')
      .set(bearer(s))
      .send({ email: newEmail, currentPassword: 'not-it-at-all' });
    expect(wrong.status).toBe(401);
    const ok = await api()
      .patch('/api/v1/users/me')
      .set(bearer(s))
      .send({ email: newEmail.toUpperCase(), currentPassword: STRONG_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.data.email).toBe(newEmail);
    await login(app, newEmail);
  });

  test('an email that another account has is 409', async () => {
    const a = await register(app);
    const b = await register(app);
    const res = await api()
      .patch('/api/v1/users/me')
      .set(bearer(b))
      .send({ email: a.email, currentPassword: STRONG_PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  test.each([
    {},
    { role: 'admin' },
    { disabled: false },
    { id: '3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b' },
  ])('a PATCH /users/me with %j is 400 and changes nothing', async (body) => {
    const s = await register(app);
    const res = await api().patch('/api/v1/users/me').set(bearer(s)).send(body);
    expect(res.status).toBe(400);
    expect((await api().get('/api/v1/users/me').set(bearer(s))).body.data.role).toBe('customer');
  });
});

describe('sessions', () => {
  test('I see my active sessions, with the current one marked, and can revoke another', async () => {
    const email = uniqueEmail();
    const first = await register(app, email);
    const second = await login(app, email);
    const list = await api().get('/api/v1/auth/sessions').set(bearer(second));
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    const current = list.body.data.find((s: { current: boolean }) => s.current);
    const other = list.body.data.find((s: { current: boolean }) => !s.current);
    expect(current.ip).toBe('127.0.0.1');

    const revoke = await api().delete(`/api/v1/auth/sessions/${other.id}`).set(bearer(second));
    expect(revoke.status).toBe(204);
    expect((await api().get('/api/v1/users/me').set(bearer(first))).status).toBe(401);
    expect((await api().get('/api/v1/auth/sessions').set(bearer(second))).body.data).toHaveLength(
      1,
    );
  });

  test("another user's session answers 404, like a missing one, and stays alive", async () => {
    const mine = await register(app);
    const theirs = await register(app);
    const theirSessions = await api().get('/api/v1/auth/sessions').set(bearer(theirs));
    const target = theirSessions.body.data[0].id as string;
    const res = await api().delete(`/api/v1/auth/sessions/${target}`).set(bearer(mine));
    expect(res.status).toBe(404);
    const missing = await api()
      .delete('/api/v1/auth/sessions/3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b')
      .set(bearer(mine));
    expect(missing.status).toBe(404);
    expect({ ...res.body, requestId: 0 }).toEqual({ ...missing.body, requestId: 0 });
    expect((await api().get('/api/v1/users/me').set(bearer(theirs))).status).toBe(200);
  });

  test('a session id that is not a UUID is 400', async () => {
    const s = await register(app);
    expect((await api().delete('/api/v1/auth/sessions/not-a-uuid').set(bearer(s))).status).toBe(
      400,
    );
  });
});

describe('admin user management (RBAC)', () => {
  test('a customer on every admin route is 403', async () => {
    const s = await register(app);
    const id = s.id;
    const calls = [
      api().get('/api/v1/users').set(bearer(s)),
      api().get(`/api/v1/users/${id}`).set(bearer(s)),
      api().patch(`/api/v1/users/${id}`).set(bearer(s)).send({ role: 'admin' }),
      api().delete(`/api/v1/users/${id}`).set(bearer(s)),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await api().get('/api/v1/users/me').set(bearer(s))).body.data.role).toBe('customer');
  });

  test('admins list users with role and q filters and pagination', async () => {
    const tag = `zz${Date.now()}`;
    for (let i = 0; i < 3; i += 1) await register(app, `${tag}-${i}@example.com`);
    const page1 = await api().get(`/api/v1/users?q=${tag}&limit=2`).set(bearer(admin));
    expect(page1.status).toBe(200);
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.meta.pagination).toEqual({ page: 1, limit: 2, total: 3, totalPages: 2 });
    const page2 = await api().get(`/api/v1/users?q=${tag}&limit=2&page=2`).set(bearer(admin));
    expect(page2.body.data).toHaveLength(1);
    const admins = await api().get('/api/v1/users?role=admin').set(bearer(admin));
    expect(admins.body.data.every((u: { role: string }) => u.role === 'admin')).toBe(true);
    // LIKE wildcards in q are literal.
    expect(
      (await api().get('/api/v1/users?q=%25').set(bearer(admin))).body.meta.pagination.total,
    ).toBe(0);
  });

  test('an admin reads one user by id, without secrets', async () => {
    const someone = await register(app);
    const res = await api().get(`/api/v1/users/${someone.id}`).set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(
      expect.objectContaining({ id: someone.id, email: someone.email, role: 'customer' }),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/password|\$2b\$/i);
  });

  test('limit above 100 and unknown filters are 400', async () => {
    expect((await api().get('/api/v1/users?limit=101').set(bearer(admin))).status).toBe(400);
    expect((await api().get('/api/v1/users?role=root').set(bearer(admin))).status).toBe(400);
    expect((await api().get('/api/v1/users?sort=email').set(bearer(admin))).status).toBe(400);
  });

  test('disabling a user kills their live access token on its next request, and refresh, and login', async () => {
    const s = await register(app);
    expect((await api().get('/api/v1/users/me').set(bearer(s))).status).toBe(200);
    const res = await api()
      .patch(`/api/v1/users/${s.id}`)
      .set(bearer(admin))
      .send({ disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.data.disabled).toBe(true);
    expect((await api().get('/api/v1/users/me').set(bearer(s))).status).toBe(401);
    expect(
      (await api().post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken })).status,
    ).toBe(401);
    const again = await api()
      .post('/api/v1/auth/login')
      .send({ email: s.email, password: s.password });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('ACCOUNT_DISABLED');
    // Enabling lets them sign in again.
    await api().patch(`/api/v1/users/${s.id}`).set(bearer(admin)).send({ disabled: false });
    await login(app, s.email);
  });

  test('a role change ends access tokens; the session refreshes into the new role', async () => {
    const s = await register(app);
    await api()
      .patch(`/api/v1/users/${s.id}`)
      .set(bearer(admin))
      .send({ role: 'admin' })
      .expect(200);
    expect((await api().get('/api/v1/users/me').set(bearer(s))).status).toBe(401);
    const refreshed = await api()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: s.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.data.user.role).toBe('admin');
    expect((await api().get('/api/v1/users').set(bearer(refreshed.body.data))).status).toBe(200);
  });

  test('an admin cannot demote, disable or delete themself', async () => {
    const me = admin.id;
    expect(
      (await api().patch(`/api/v1/users/${me}`).set(bearer(admin)).send({ role: 'customer' }))
        .status,
    ).toBe(409);
    expect(
      (await api().patch(`/api/v1/users/${me}`).set(bearer(admin)).send({ disabled: true })).status,
    ).toBe(409);
    expect((await api().delete(`/api/v1/users/${me}`).set(bearer(admin))).status).toBe(409);
  });

  test('deleting a user ends their sessions and erases their personal data', async () => {
    const s = await register(app);
    expect((await api().delete(`/api/v1/users/${s.id}`).set(bearer(admin))).status).toBe(204);
    expect((await api().get('/api/v1/users/me').set(bearer(s))).status).toBe(401);
    expect((await api().get(`/api/v1/users/${s.id}`).set(bearer(admin))).status).toBe(404);
    expect(
      (await api().post('/api/v1/auth/login').send({ email: s.email, password: s.password }))
        .status,
    ).toBe(401);
    const [row] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ email: string; name: string; password_hash: string }[]>(
        'select email, name, password_hash from users where id = ?',
        [s.id],
      );
    expect(row).toEqual({
      email: `deleted-${s.id}@deleted.invalid`,
      name: 'Deleted user',
      password_hash: '!',
    });
    // Sessions, with their IPs and user agents, are gone, not just revoked.
    const [sessions] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from sessions where user_id = ?', [s.id]);
    expect(sessions?.count).toBe('0');
    // The email is free again.
    await register(app, s.email);
  });

  test('an unknown user id is 404; a malformed one 400', async () => {
    expect(
      (await api().get('/api/v1/users/3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b').set(bearer(admin)))
        .status,
    ).toBe(404);
    expect((await api().get('/api/v1/users/42').set(bearer(admin))).status).toBe(400);
  });

  test('admin actions are in the audit log with the acting admin', async () => {
    const s = await register(app);
    await api()
      .patch(`/api/v1/users/${s.id}`)
      .set(bearer(admin))
      .send({ disabled: true })
      .expect(200);
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ event: string; actor_id: string }[]>(
        `select event, actor_id from audit_events where user_id = ? and actor_id is not null`,
        [s.id],
      );
    expect(rows).toEqual([{ event: 'user.disabled', actor_id: admin.id }]);
  });
});

describe('password reset', () => {
  /** The development mail transport logs each mail; the job's logs carry the request's id. */
  async function mailedToken(requestId: string, withinMs = 8000): Promise<string | undefined> {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      const line = app.logs.find((l) => l['requestId'] === requestId && l['mail']);
      const mail = line?.['mail'] as { text: string; to: string } | undefined;
      if (mail) return /token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
      await new Promise((r) => setTimeout(r, 100));
    }
    return undefined;
  }

  async function jobsQueuedBy(requestId: string): Promise<number> {
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(
        "select count(*)::int as n from pgboss.job where name = 'password-reset-mail' and data->>'requestId' = ?",
        [requestId],
      );
    return rows[0]?.n ?? -1;
  }

  let counter = 0;
  async function requestReset(
    email: string,
  ): Promise<{ res: request.Response; requestId: string }> {
    const requestId = `reset-check-${(counter += 1)}`;
    const res = await api()
      .post('/api/v1/auth/password-reset/request')
      .set('X-Request-Id', requestId)
      .send({ email });
    return { res, requestId };
  }

  async function resetToken(email: string): Promise<string | undefined> {
    const { requestId } = await requestReset(email);
    return mailedToken(requestId);
  }

  test('answers 202 whether or not the account exists, and sends a link only when it does', async () => {
    const s = await register(app);
    const ghost = uniqueEmail('ghost');
    const known = await requestReset(s.email);
    const unknown = await requestReset(ghost);
    expect(known.res.status).toBe(202);
    expect(unknown.res.status).toBe(202);
    expect(known.res.text).toBe(unknown.res.text);
    // The mail goes out through the job queue.
    expect(await jobsQueuedBy(known.requestId)).toBe(1);
    expect(await jobsQueuedBy(unknown.requestId)).toBe(0);
    const token = await mailedToken(known.requestId);
    expect(token).toEqual(expect.any(String));
    // The log shows the recipient masked, never the address.
    const line = app.logs.find((l) => l['mail'] && JSON.stringify(l).includes(token ?? '-'));
    expect((line?.['mail'] as { to: string }).to).toBe(`${s.email[0]}***@example.com`);
  });

  test('the token sets a new password once, ends every session, then is dead', async () => {
    const s = await register(app);
    const token = await resetToken(s.email);
    const confirm = await api()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, newPassword: 'purple-monkey-dishwasher-42' });
    expect(confirm.status).toBe(204);
    expect((await api().get('/api/v1/users/me').set(bearer(s))).status).toBe(401);
    expect(
      (await api().post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken })).status,
    ).toBe(401);
    await login(app, s.email, 'purple-monkey-dishwasher-42');
    const again = await api()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, newPassword: 'another-fine-passphrase-7' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_RESET_TOKEN');
  });

  test('a weak new password is refused and leaves the token usable', async () => {
    const s = await register(app);
    const token = await resetToken(s.email);
    const weak = await api()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, newPassword: 'password1' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    const ok = await api()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, newPassword: 'purple-monkey-dishwasher-42' });
    expect(ok.status).toBe(204);
  });

  test('an expired token is refused', async () => {
    const s = await register(app);
    const token = await resetToken(s.email);
    await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `update password_reset_tokens set expires_at = now() - interval '1 minute' where user_id = ?`,
        [s.id],
      );
    const res = await api()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, newPassword: 'purple-monkey-dishwasher-42' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_RESET_TOKEN');
  });
});

describe('quotas', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({
      databaseUrl: app.config.db.url,
      env: {
        API_RATE_LIMIT_PER_MINUTE: '1000',
        USER_QUOTA_PER_MINUTE: '3',
        AUTH_RATE_LIMIT_PER_MINUTE: '4',
      },
    });
  });
  afterAll(() => limited.close());

  test('responses carry RateLimit-* headers; the per-user quota answers 429 with Retry-After', async () => {
    const s = await login(limited, (await register(app)).email);
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await request(limited.url).get('/api/v1/users/me').set(bearer(s));
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers['ratelimit-limit']).toBe('3');
        expect(last.headers['ratelimit-remaining']).toBe('2');
        expect(Number(last.headers['ratelimit-reset'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.body.code).toBe('RATE_LIMITED');
    expect(last?.headers['retry-after']).toEqual(expect.any(String));
  });

  test('the auth routes have their own, tighter limit per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await request(limited.url)
        .post('/api/v1/auth/password-reset/request')
        .send({ email: uniqueEmail() });
      statuses.push(res.status);
    }
    // The login of the test above used one of the four.
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });

  test('the probes are outside the quotas', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await request(limited.url).get('/health')).status).toBe(200);
  });
});
