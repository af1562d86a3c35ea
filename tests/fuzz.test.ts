// Bad input of any kind, generated from the contract: for every operation, seeded random
// mutations of its example request (wrong types, extreme numbers, hostile strings, deep nesting,
// prototype keys, missing and unknown fields, odd query values and headers). Whatever comes in,
// the answer is below 500, in the error envelope, and one of the statuses the operation
// documents. FUZZ_SEED and FUZZ_RUNS reproduce or widen a run; a failure names its seed.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, register, signInAdmin, type Signed } from './helpers/auth.ts';
import { build, cases, named, type Case } from './helpers/contract-cases.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);

/** mulberry32: small, seeded, good enough to pick mutations. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

const NASTY: unknown[] = [
  null,
  '',
  ' ',
  'x'.repeat(5000),
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  true,
  [],
  {},
  '\u0000',
  '😀'.repeat(300),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  'NaN',
  '1e999',
  '00000000-0000-0000-0000-000000000000',
  nested(200),
  { $gt: '' },
];
const NASTY_TEXT = [
  '',
  '%00',
  '-1',
  '1e999',
  'x'.repeat(3000),
  '😀',
  "'",
  '[]',
  'null',
  'true',
  '../',
];

interface Mutation {
  describe: string;
  /** A replacement for the `{id}` in the path (already URL-encoded where it needs to be). */
  id?: string;
  apply(req: request.Test): request.Test;
}

const NASTY_IDS = [
  '%00',
  '..%2F..%2Fetc',
  'x'.repeat(2000),
  '%F0%9F%98%80',
  '3F1C2A4E-6B7D-4E8F-9A0B-1C2D3E4F5A6B',
  '3f1c2a4e6b7d4e8f9a0b1c2d3e4f5a6b',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-1fff-8fff-ffffffffffff',
  '%20',
  '1',
];

function mutations(c: Case, random: () => number): Mutation {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const example = c.op.requestBody?.content['application/json']?.example as
    Record<string, unknown> | undefined;
  const query = c.params.filter((p) => p.in === 'query').map((p) => p.name);
  const kinds = [
    ...(c.op.requestBody ? ['field', 'unknown-field', 'drop-field', 'not-an-object'] : []),
    'query',
    'query-array',
    'header',
    ...(c.template.includes('{id}') ? ['id'] : []),
  ];
  const kind = pick(kinds);
  const base = { ...(example ?? {}) };
  const fields = Object.keys(base);
  switch (kind) {
    case 'field': {
      const field = fields.length ? pick(fields) : 'anything';
      const value = pick(NASTY);
      return {
        describe: `body.${field} = ${JSON.stringify(value)?.slice(0, 60)}`,
        apply: (req) => req.send({ ...base, [field]: value }),
      };
    }
    case 'unknown-field': {
      const field = pick(['__proto__', 'constructor', 'role', 'id', 'isAdmin', 'x'.repeat(300)]);
      const body = JSON.parse(
        `{${[...fields.map((f) => `${JSON.stringify(f)}:${JSON.stringify(base[f])}`), `${JSON.stringify(field)}:{"polluted":true}`].join(',')}}`,
      ) as object;
      return { describe: `body + ${field.slice(0, 20)}`, apply: (req) => req.send(body) };
    }
    case 'drop-field': {
      const field = fields.length ? pick(fields) : 'none';
      const rest = Object.fromEntries(Object.entries(base).filter(([key]) => key !== field));
      return { describe: `body - ${field}`, apply: (req) => req.send(rest) };
    }
    case 'not-an-object': {
      const raw = pick(['[]', '"text"', '123', 'null', 'true', '[{}]', '{"a":']);
      return {
        describe: `body ${raw}`,
        apply: (req) => req.set('Content-Type', 'application/json').send(raw),
      };
    }
    case 'query': {
      const name = query.length ? pick(query) : 'limit';
      const value = pick(NASTY_TEXT);
      return {
        describe: `?${name}=${value.slice(0, 20)}`,
        apply: (req) => sendBody(req.query({ [name]: value })),
      };
    }
    case 'query-array': {
      const name = query.length ? pick(query) : 'page';
      return {
        describe: `?${name}=1&${name}=2`,
        apply: (req) =>
          sendBody(req.query(`${encodeURIComponent(name)}=1&${encodeURIComponent(name)}=2`)),
      };
    }
    case 'id': {
      const id = pick(NASTY_IDS);
      return { describe: `{id} = ${id.slice(0, 40)}`, id, apply: sendBody };
    }
    default: {
      const header = pick([
        'Idempotency-Key',
        'If-Match',
        'If-None-Match',
        'X-Request-Id',
        'Cookie',
        'Origin',
        'X-Forwarded-For',
        'Sec-Fetch-Site',
      ]);
      const value = pick([
        '',
        ' ',
        'x'.repeat(1000),
        '"',
        'W/"1"',
        '*',
        '\t',
        'refresh_token=%zz',
        'refresh_token=1; refresh_token=2',
        `refresh_token=${'y'.repeat(4000)}`,
        'null',
        '1.2.3.4, not-an-ip, ::1',
      ]);
      return {
        describe: `${header}: ${JSON.stringify(value.slice(0, 20))}`,
        apply: (req) => sendBody(req.set(header, value)),
      };
    }
  }

  function sendBody(req: request.Test): request.Test {
    return example === undefined ? req : req.send(example);
  }
}

let app: TestApp;
let customer: Signed;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const admin = await signInAdmin(app);
  customer = await register(app);
  const product = await request(app.url).post('/api/v1/products').set(bearer(admin)).send({
    sku: 'FUZZ-1',
    name: 'Fuzz',
    priceCents: 100,
    currency: 'EUR',
    stock: 1000,
    category: 'fuzz',
  });
  const order = await request(app.url)
    .post('/api/v1/orders')
    .set(bearer(customer))
    .set('Idempotency-Key', 'fuzz-order')
    .send({ items: [{ productId: product.body.data.id, quantity: 1 }] });
  ids['/api/v1/products/{id}'] = product.body.data.id;
  ids['/api/v1/orders/{id}'] = order.body.data.id;
  ids['/api/v1/orders/{id}/cancel'] = order.body.data.id;
  ids['/api/v1/orders/{id}/status'] = order.body.data.id;
  ids['/api/v1/users/{id}'] = customer.id;
}, 30_000);
afterAll(() => app.close());

describe('fuzzing every operation from its example', () => {
  test.each(named(cases))(
    '%s: nothing breaks it',
    async (_name, c) => {
      // Each operation gets its own admin: logout, password changes and deletions may end a
      // session mid-run, which must still answer in the envelope.
      const admin = await signInAdmin(app);
      const random = rng(
        SEED ^ [...c.template, ...c.method].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7),
      );
      const documented = new Set(Object.keys(c.op.responses));
      for (let run = 0; run < RUNS; run += 1) {
        const mutation = mutations(c, random);
        const id = mutation.id ?? ids[c.template];
        const req = mutation.apply(build(app, c, id ? { id } : {}).set(bearer(admin)));
        const res = await req;
        const where = `${c.method.toUpperCase()} ${c.template} run ${run} (seed ${SEED}): ${mutation.describe}`;
        expect({ where, below500: res.status < 500 }).toEqual({ where, below500: true });
        expect({ where, documented: documented.has(String(res.status)) }).toEqual({
          where,
          documented: true,
        });
        if (res.status >= 400) {
          expect({ where, body: res.body }).toEqual({
            where,
            body: expect.objectContaining({
              status: 'error',
              code: expect.any(String),
              message: expect.any(String),
            }),
          });
        }
      }
    },
    60_000,
  );
});
