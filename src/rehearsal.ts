// The rehearsal: before the server listens, every operation of the contract is served once
// through the whole stack (node:http, Express, the edge's middleware, the validators, the
// guards, the handler, its services and SQL, the reply), so that what a process does on its
// first request to an operation is done before any client's: V8 compiles each function on its
// first call and only then learns its types; PostgreSQL's connection reads its catalog.
//
// It is a second app, built by createApp from the same modules, the same contract (whose
// validators are compiled once: openApiValidator is per contract), the same ORM and the same
// metrics, served on a loopback port of its own that answers only requests carrying a secret
// made at start-up, and every request of it runs inside one database transaction that is then
// rolled back (ADR 0022). What it touches, and why nothing stays:
// - the database: the transaction's connection for everything the requests read and write (the
//   queue's jobs included: its sender enqueues on that connection, or for a job queued outside a
//   unit of work in a transaction of pg-boss's own pool), rolled back at the end; the
//   login-failure counters (PostgreSQL, outside the transaction) are only read for its own new
//   account and loopback address, and a successful sign-in clears its account's pair, which
//   never existed;
// - no log line: its app logs into a sink, and the security events are written only once their
//   transaction commits (audit.service.ts), which never happens;
// - no quota of anyone's: its quotas count in its own memory, not in Redis or PostgreSQL;
// - no Redis: its services have none (their revocations stay in the process);
// - the metrics: the request series its requests add are reset before the server listens;
// - no mail: the reset mail is a job, enqueued in the transaction.
// Its accounts use addresses under a reserved domain (RFC 2606) and random passwords.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { operations, type OperationId } from '../generated/operations.ts';
import { createServices } from './api/index.ts';
import {
  createApp,
  nodeClassesFor,
  servingOptions,
  type AppDeps,
  type NodeClasses,
} from './app.ts';
import { withTransaction, type Tx } from './db/transaction.ts';
import type { Queue } from './jobs/queue.ts';
import { createLifecycle } from './utils/lifecycle.ts';
import { createLogger } from './utils/logger.ts';
import { createMailer } from './utils/mailer.ts';
import { createPressure } from './utils/pressure.ts';

/** What the rehearsal did, for the start-up log. */
export interface Rehearsal {
  ms: number;
  /** Requests sent; every operation of the contract gets at least one. */
  requests: number;
  /**
   * Requests that did not get the status the rehearsal expected ("operationId: got N, expected
   * M"): the start-up logs a warning; the tests insist on none.
   */
  unexpected: string[];
}

/** The secret's header: the rehearsal's port serves nobody else. */
export const SECRET_HEADER = 'x-rehearsal-secret';
/** One request may take this long, the whole rehearsal this long (then it stops, rolled back). */
const REQUEST_TIMEOUT_MS = 5_000;
const BUDGET_MS = 30_000;

class RolledBack extends Error {}

type Data = Record<string, unknown> | undefined;
interface Answer {
  status: number;
  data: Data;
}
interface Call {
  params?: Record<string, string | undefined>;
  query?: string;
  body?: unknown;
  token?: string | undefined;
  headers?: Record<string, string>;
}

/** A field of an answer's `data`, as a string (undefined when the request failed). */
const field = (data: Data, name: string): string | undefined => {
  const value = data?.[name];
  return typeof value === 'string' ? value : undefined;
};

/** The operation's path with its parameters filled in (a fresh UUID for one not known). */
function pathOf(op: OperationId, params: Call['params'] = {}): string {
  return operations[op].path.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => params[name] ?? randomUUID(),
  );
}

/** Serves only requests that carry `secret` in SECRET_HEADER (removed before `serve`); 403 else. */
export function onlyWithSecret(secret: string, serve: http.RequestListener): http.RequestListener {
  const expected = Buffer.from(secret);
  return (req, res) => {
    const given = Buffer.from(String(req.headers[SECRET_HEADER] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(403).end();
      return;
    }
    delete req.headers[SECRET_HEADER];
    serve(req, res);
  };
}

function request(
  base: string,
  secret: string,
  op: OperationId,
  call: Call,
): Promise<{ status: number; body: Buffer; json: boolean }> {
  const headers: Record<string, string> = { [SECRET_HEADER]: secret, ...call.headers };
  if (call.token) headers['authorization'] = `Bearer ${call.token}`;
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const url = base + pathOf(op, call.params) + (call.query ? `?${call.query}` : '');
  return new Promise((resolve, reject) => {
    // A connection per request, as most first requests come.
    const req = http.request(
      url,
      { method: operations[op].method.toUpperCase(), headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            // The answers it reads are JSON; the compressed documents are only received.
            json:
              /json/.test(res.headers['content-type'] ?? '') && !res.headers['content-encoding'],
          }),
        );
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The app the rehearsal serves: the server's own, but for what must not leave the rehearsal
 * (see the head of this file). Its quotas are raised so that its own requests never meet them,
 * it does not insist on HTTPS (its requests come over loopback), and it hashes its accounts'
 * passwords at bcrypt's least cost.
 */
function rehearsalApp(deps: AppDeps, queue: Queue | undefined, inTx: Tx) {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  // Batched as stdout's lines are, so the access log's direct line is built here too.
  const logger = createLogger({ level: deps.config.logLevel, batchInto: sink });
  const unlimited = 1_000_000;
  const config = {
    ...deps.config,
    http: { ...deps.config.http, requireHttps: false },
    // bcrypt's least cost: the same code, not production's 250 ms per hash (cost 12) six times.
    auth: { ...deps.config.auth, bcryptCost: 4 },
    limits: {
      ...deps.config.limits,
      apiPerMinute: unlimited,
      authPerMinute: unlimited,
      userPerMinute: unlimited,
    },
    orders: { ...deps.config.orders, checkoutPerMinute: unlimited },
  };
  // Sampling never starts: nothing is shed, but the shedding middleware is on the path.
  const pressure = createPressure(config.overload, logger);
  const lifecycle = createLifecycle(pressure);
  const services = createServices({
    config,
    logger,
    orm: deps.orm,
    redis: undefined,
    queue: {
      send: async (name, data, tx) => {
        if (!queue) throw new Error(`job ${name}: no job queue in this process`);
        // In a unit of work: on its connection, which is the rehearsal's transaction's.
        if (tx) return queue.send(name, data, tx);
        // Outside one (the reset mail), a job goes through pg-boss's own pool: here in a
        // transaction of that pool's, rolled back, so that its connection has made the insert too.
        const own = await queue.boss.getDb().beginTransaction?.();
        if (!own) return queue.send(name, data, inTx);
        try {
          return await queue.boss.send(name, data, { db: own.db });
        } finally {
          await own.rollback();
        }
      },
    },
    mailer: createMailer('disabled', logger),
    lifecycle,
  });
  const app = createApp({ ...deps, config, logger, lifecycle, services, redis: undefined });
  return {
    app,
    services,
    close: async () => {
      pressure.stop();
      await services.close();
    },
  };
}

type Send = (op: OperationId, call: Call, expect: number | 'not 5xx') => Promise<Answer>;

/** The requests, in an order in which each finds what it needs (its account, product, order). */
async function script(send: Send, deps: AppDeps, services: AppDeps['services']): Promise<void> {
  const tag = randomUUID();
  const password = randomBytes(24).toString('base64url');
  const email = `rehearsal-${tag}@example.invalid`;
  const { metrics: metricsConfig } = deps.config;

  const registered = await send(
    'register',
    { body: { email, password, name: 'Rehearsal' }, headers: { 'sec-fetch-site': 'same-origin' } },
    201,
  );
  const userId = field(registered.data?.['user'] as Data, 'id');
  const signedIn = await send('login', { body: { email, password } }, 200);
  const customer = field(signedIn.data, 'accessToken');
  await send('refresh', { body: { refreshToken: field(signedIn.data, 'refreshToken') } }, 200);
  const sessions = await send('listSessions', { token: customer }, 200);
  const other = (sessions.data as unknown as { id: string; current: boolean }[] | undefined)?.find(
    (s) => !s.current,
  );
  await send('getMe', { token: customer }, 200);
  await send('updateMe', { token: customer, body: { name: 'Rehearsal' } }, 200);

  // An administrator of its own, made as ADMIN_EMAIL's is (in the transaction).
  const adminEmail = `rehearsal-admin-${tag}@example.invalid`;
  await services.auth.ensureAdmin(
    { email: adminEmail, password },
    { ip: undefined, userAgent: 'rehearsal', requestId: undefined },
  );
  const admin = field(
    (await send('login', { body: { email: adminEmail, password } }, 200)).data,
    'accessToken',
  );
  await send('listUsers', { token: admin, query: 'limit=20' }, 200);
  await send('getUser', { token: admin, params: { id: userId } }, 200);
  await send(
    'updateUser',
    { token: admin, params: { id: userId }, body: { disabled: false } },
    200,
  );

  const product = (stock: number) => ({
    token: admin,
    body: {
      sku: `REHEARSAL-${randomBytes(6).toString('hex').toUpperCase()}`,
      name: 'Rehearsal',
      description: '',
      priceCents: 100,
      currency: 'EUR',
      stock,
      category: 'rehearsal',
    },
  });
  await send('listProducts', { query: 'limit=20' }, 200);
  const productId = field((await send('createProduct', product(10), 201)).data, 'id');
  await send('getProduct', { params: { id: productId } }, 200);
  await send(
    'updateProduct',
    { token: admin, params: { id: productId }, body: { priceCents: 200 } },
    200,
  );
  const order = async () =>
    field(
      (
        await send(
          'createOrder',
          {
            token: customer,
            headers: { 'idempotency-key': randomUUID() },
            body: { items: [{ productId, quantity: 1 }] },
          },
          201,
        )
      ).data,
      'id',
    );
  await send('listOrders', { token: customer, query: 'limit=20' }, 200);
  const cancellable = await order();
  await send('getOrder', { token: customer, params: { id: cancellable } }, 200);
  await send('cancelOrder', { token: customer, params: { id: cancellable } }, 200);
  const payable = await order();
  await send(
    'updateOrderStatus',
    { token: admin, params: { id: payable }, body: { status: 'paid' } },
    200,
  );
  const doomed = field((await send('createProduct', product(1), 201)).data, 'id');
  await send('deleteProduct', { token: admin, params: { id: doomed } }, 204);

  await send('requestPasswordReset', { body: { email } }, 202);
  // A token that was never issued: refused, as a stale link is.
  await send(
    'confirmPasswordReset',
    { body: { token: randomBytes(32).toString('base64url'), newPassword: password } },
    400,
  );
  await send('revokeSession', { token: customer, params: { id: other?.id } }, 204);
  await send(
    'changePassword',
    {
      token: customer,
      body: { currentPassword: password, newPassword: randomBytes(24).toString('base64url') },
    },
    204,
  );
  await send('logout', { token: customer }, 204);
  await send('deleteUser', { token: admin, params: { id: userId } }, 204);
  await send('logoutAll', { token: admin }, 204);

  // What a browser sends for the documents (gzip: ADR 0021).
  const gzip = { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } };
  await send('getHealth', {}, 200);
  await send('getReadiness', {}, 200);
  await send('getOpenApiJson', gzip, 200);
  await send('getOpenApiYaml', gzip, 200);
  await send('getDocs', gzip, 200);
  await send('getMetrics', { token: metricsConfig.token }, metricsConfig.enabled ? 200 : 404);
}

/**
 * Serves every operation once through a second app inside a transaction that is rolled back.
 * `queue`: the process's job queue, which its services enqueue through (on the transaction's
 * connection); without one, what would enqueue fails, as in a process that opened none.
 */
export async function rehearse(
  deps: AppDeps,
  queue: Queue | undefined,
  /** The served app's request classes: the rehearsal's requests are made as its will be. */
  served: NodeClasses,
): Promise<Rehearsal> {
  const started = performance.now();
  const secretText = randomBytes(32).toString('base64url');
  let requests = 0;
  const unexpected: string[] = [];
  const called = new Set<OperationId>();
  try {
    await withTransaction(deps.orm, async (tx) => {
      // The transaction's context (MikroORM's and ours), for the requests served below.
      const inTx = AsyncLocalStorage.snapshot();
      const rehearsal = rehearsalApp(deps, queue, tx);
      // Requests made with the served app's classes and prototypes (app.ts, nodeClassesFor):
      // the shapes V8 sees here are those of the served requests.
      const server = http.createServer(
        servingOptions(nodeClassesFor(rehearsal.app, served)),
        onlyWithSecret(secretText, (req, res) =>
          inTx(() => {
            rehearsal.app(req, res);
          }),
        ),
      );
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(0, '127.0.0.1', resolve);
        });
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const send: Send = async (op, call, expect) => {
          called.add(op);
          if (performance.now() - started > BUDGET_MS) {
            unexpected.push(`${op}: not sent, the rehearsal ran out of time`);
            return { status: 0, data: undefined };
          }
          requests += 1;
          try {
            const answer = await request(base, secretText, op, call);
            if (expect === 'not 5xx' ? answer.status >= 500 : answer.status !== expect)
              unexpected.push(`${op}: got ${answer.status}, expected ${expect}`);
            const parsed = answer.json
              ? (JSON.parse(answer.body.toString('utf8')) as { data?: Data })
              : undefined;
            return { status: answer.status, data: parsed?.data };
          } catch (error) {
            unexpected.push(`${op}: ${error instanceof Error ? error.message : String(error)}`);
            return { status: 0, data: undefined };
          }
        };
        await script(send, deps, rehearsal.services);
        // An operation added to the contract and not to the script above: once, with the
        // contract's example body and fresh ids, unauthenticated. Any answer but a 5xx will do.
        for (const op of Object.keys(operations) as OperationId[]) {
          if (called.has(op)) continue;
          const row = operations[op];
          const example = (
            deps.contract.document as {
              paths: Record<string, Record<string, { requestBody?: { content?: unknown } }>>;
            }
          ).paths[row.path]?.[row.method]?.requestBody?.content as
            Record<string, { example?: unknown }> | undefined;
          await send(op, { body: example?.['application/json']?.example }, 'not 5xx');
        }
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await rehearsal.close();
      }
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  // Its requests are nobody's: the request series start empty when the server listens.
  deps.metrics.httpDuration.reset();
  deps.metrics.rateLimited.reset();
  deps.metrics.shed.reset();
  return { ms: Math.round(performance.now() - started), requests, unexpected };
}
