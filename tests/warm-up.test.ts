// Start-up does what first requests would otherwise do lazily (src/warm-up.ts): after it, the
// first request to every operation of the contract builds no password-strength dictionaries,
// generates no MikroORM entity function and opens no database connection. Watched through the
// libraries themselves, from the end of start-up on (signing the admin in included).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Utils } from '@mikro-orm/core';
import { Options } from '@zxcvbn-ts/core';
import bcrypt from 'bcrypt';
import { operations } from '../generated/operations.ts';
import { sqlRows } from '../src/db/sql.ts';
import { JOBS } from '../src/jobs/queue.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, login, STRONG_PASSWORD, uniqueEmail, type Signed } from './helpers/auth.ts';
import { cases, named, send } from './helpers/contract-cases.ts';

const lazyWork: string[] = [];
/** `during` at each bcrypt hash. */
const hashedDuring: string[] = [];
let during = 'start-up';
const restore: (() => void)[] = [];

/** Notes each call of `object[name]` (private to the library's types) under `during`. */
function watch(object: object, name: string, label: string): void {
  const target = object as Record<string, unknown>;
  const original = target[name];
  if (typeof original !== 'function') throw new Error(`${label}: no ${name} to watch`);
  target[name] = function (this: unknown, ...args: unknown[]) {
    lazyWork.push(`${during}: ${label}`);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  restore.push(() => (target[name] = original));
}

let app: TestApp;
let admin: Signed;
let atStartUp: string[];
let connectionsAtStartUp: number;
let logsAtStartUp: Record<string, unknown>[];
let keptAtStartUp: unknown[];
beforeAll(async () => {
  // Once per zxcvbn estimator (its constructor sets its options; our RankedWords rank the
  // dictionaries right after, src/api/auth/auth.passwords.ts).
  watch(Options.prototype, 'setOptions', 'zxcvbn dictionaries');
  // Every hydrator, comparator, snapshot generator, result mapper and key getter MikroORM
  // generates goes through this function (the one `mikro-orm compile` intercepts).
  watch(Utils, 'createFunction', 'MikroORM function');
  // Every bcrypt hash (a password stored, or the no-account hash a sign-in compares against).
  const hash = bcrypt.hash.bind(bcrypt);
  (bcrypt as { hash: unknown }).hash = (...args: Parameters<typeof bcrypt.hash>) => {
    hashedDuring.push(during);
    return hash(...args);
  };
  restore.push(() => ((bcrypt as { hash: unknown }).hash = hash));
  app = await startTestApp();
  logsAtStartUp = [...app.logs];
  // What the database holds once the app listens, before any test's request.
  keptAtStartUp = await sqlRows(
    app.orm,
    `select (select count(*)::int from users) as users,
            (select count(*)::int from sessions) as sessions,
            (select count(*)::int from audit_events) as events,
            (select count(*)::int from products) as products,
            (select count(*)::int from orders) as orders,
            (select count(*)::int from idempotency_keys) as keys,
            (select count(*)::int from pgboss.job where name in ($1, $2)) as jobs`,
    [JOBS.orderConfirmation, JOBS.passwordResetMail],
  );
  atStartUp = lazyWork.splice(0);
  const pool = await app.orm.em.getConnection().getNativeClient();
  connectionsAtStartUp = pool.totalCount;
  pool.on('connect', () => lazyWork.push(`${during}: new database connection`));
  // As signInAdmin, in two steps: storing the admin's password hashes, signing in must not.
  during = 'creating the admin';
  const email = uniqueEmail('admin');
  await app.services.auth.ensureAdmin(
    { email, password: STRONG_PASSWORD, name: 'Admin' },
    { ip: undefined, userAgent: 'test', requestId: undefined },
  );
  during = 'signing in';
  admin = await login(app, email);
});
afterAll(async () => {
  for (const undo of restore) undo();
  await app?.close();
});

describe('the start-up warm-up', () => {
  test('is watched: start-up builds the dictionaries and MikroORM’s functions, and opens DB_POOL_MIN connections', () => {
    expect(atStartUp).toContain('start-up: zxcvbn dictionaries');
    expect(atStartUp.filter((w) => w.endsWith('MikroORM function')).length).toBeGreaterThan(20);
    expect(app.config.db.pool.min).toBe(2);
    expect(connectionsAtStartUp).toBeGreaterThanOrEqual(app.config.db.pool.min);
  });

  test('makes the hash a sign-in compares against when there is no account: no sign-in makes it', async () => {
    expect(hashedDuring).toContain('start-up');
    expect(hashedDuring).toContain('creating the admin');
    expect(hashedDuring.filter((d) => d === 'signing in')).toEqual([]);
    const hashes = hashedDuring.length;
    during = 'signing in to no account';
    const res = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: uniqueEmail('nobody'), password: STRONG_PASSWORD }),
    });
    expect(res.status).toBe(401);
    expect(hashedDuring.length).toBe(hashes);
  });

  test('rehearses every operation of the contract, each answered as the rehearsal expects', () => {
    const { rehearsal } = app.warmedUp;
    expect(rehearsal.unexpected).toEqual([]);
    expect(rehearsal.requests).toBeGreaterThanOrEqual(Object.keys(operations).length);
  });

  test('keeps nothing the rehearsal wrote: no account, product, order, job, security event or log line', () => {
    expect(logsAtStartUp.filter((l) => l['message'] === 'security event')).toEqual([]);
    expect(logsAtStartUp.filter((l) => l['message'] === 'request')).toEqual([]);
    expect(logsAtStartUp.filter((l) => l['message'] === 'admin account created')).toEqual([]);
    expect(keptAtStartUp).toEqual([
      { users: 0, sessions: 0, events: 0, products: 0, orders: 0, keys: 0, jobs: 0 },
    ]);
  });

  test('counts none of the rehearsal’s requests in /metrics', async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    // The admin's sign-in (beforeAll) is the one request before this scrape.
    const routes = new Set(
      [...text.matchAll(/^http_request_duration_seconds_count\{[^}]*route="([^"]+)"/gm)].map(
        (m) => m[1],
      ),
    );
    expect([...routes]).toEqual([operations.login.path]);
  });

  test('leaves nothing lazy for the first request to any operation', async () => {
    for (const [name, c] of named(cases)) {
      during = name;
      const res = await send(app, c).set(bearer(admin));
      expect(res.status).toBeLessThan(500);
    }
    // A registration and a password change with a strong password, checked for strength.
    during = 'POST /api/v1/auth/register (strong password)';
    const res = await send(
      app,
      cases.find((c) => c.op.operationId === 'register')!,
    ).send({
      email: `warm-${Date.now()}@example.com`,
      password: 'correct-horse-battery-staple',
      name: 'Warm',
    });
    expect(res.status).toBe(201);
    expect(lazyWork).toEqual([]);
  });
});
