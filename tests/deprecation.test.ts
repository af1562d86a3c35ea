// Deprecation with a sunset. The contract has no deprecated operation yet, so these tests
// deprecate getProduct in a copy of the bundled contract: the generator must refuse it unless it
// is written completely, and a real server built from the copy (its validator and its operation
// table, a real database, real HTTP) must send RFC 9745 `Deprecation` and RFC 8594 `Sunset` on
// its successful answers only. ADR 0009.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { parse, stringify } from 'yaml';
import { operationTable } from '../scripts/lib/operation-table.ts';
import type { OperationTable } from '../src/middleware/operations.ts';
import { loadContract } from '../src/utils/contract.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, signInAdmin } from './helpers/auth.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const bundle = (): Json => JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as Json;

/** The header documents as they are written under openapi/common/headers. */
const documented = (name: string): Json =>
  parse(readFileSync(`openapi/common/headers/${name}.yaml`, 'utf8')) as Json;

/** getProduct deprecated on 2026-12-01 with a sunset on 2027-06-01, written completely. */
function deprecatedCopy(edit: (op: Json, doc: Json) => void = () => {}): Json {
  const doc = bundle();
  doc.components.headers.Deprecation = documented('Deprecation');
  doc.components.headers.Sunset = documented('Sunset');
  const op = doc.paths['/api/v1/products/{id}'].get;
  Object.assign(op, {
    deprecated: true,
    'x-deprecated-at': '2026-12-01',
    'x-sunset': '2027-06-01',
  });
  for (const status of ['200', '304']) {
    const ref = op.responses[status].$ref as string | undefined;
    const response = ref
      ? (doc.components.responses[ref.split('/').pop() as string] as Json)
      : (op.responses[status] as Json);
    response.headers = {
      ...response.headers,
      Deprecation: { $ref: '#/components/headers/Deprecation' },
      Sunset: { $ref: '#/components/headers/Sunset' },
    };
  }
  edit(op, doc);
  return doc;
}

const row = (doc: Json) => operationTable(doc).find((r) => r.operationId === 'getProduct');

describe('the generator and a deprecated operation', () => {
  test('a deprecated operation written completely gets its header values', () => {
    expect(row(deprecatedCopy())?.deprecation).toEqual({
      deprecation: `@${Date.UTC(2026, 11, 1) / 1000}`,
      sunset: 'Tue, 01 Jun 2027 00:00:00 GMT',
    });
    expect(row(bundle())?.deprecation).toBeNull();
  });

  test.each([
    [
      'without x-sunset',
      (op: Json) => delete op['x-sunset'],
      /getProduct\): a deprecated operation needs x-sunset/,
    ],
    [
      'with a sunset that is no date',
      (op: Json) => (op['x-sunset'] = 'soon'),
      /needs x-sunset as a date/,
    ],
    [
      'without x-deprecated-at',
      (op: Json) => delete op['x-deprecated-at'],
      /needs x-deprecated-at/,
    ],
    [
      'deprecated after its own sunset',
      (op: Json) => (op['x-deprecated-at'] = '2027-07-01'),
      /x-deprecated-at is after x-sunset/,
    ],
    [
      'whose 200 does not document Sunset',
      (op: Json) => delete op.responses['200'].headers.Sunset,
      /getProduct\) 200: a deprecated operation documents the Sunset header/,
    ],
    [
      'with x-sunset but not deprecated',
      (op: Json) => delete op.deprecated,
      /x-deprecated-at and x-sunset need deprecated: true/,
    ],
  ])('refuses a deprecated operation %s', (_name, edit, message) => {
    expect(() => operationTable(deprecatedCopy(edit))).toThrow(message);
  });
});

describe('a real server with a deprecated operation', () => {
  let app: TestApp;
  let dir: string;
  let productId: string;

  beforeAll(async () => {
    const doc = deprecatedCopy();
    dir = mkdtempSync(path.join(tmpdir(), 'cfm-deprecation-'));
    writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
    writeFileSync(path.join(dir, 'openapi.yaml'), stringify(doc));
    copyFileSync('generated/docs.html', path.join(dir, 'docs.html'));
    const operations = Object.fromEntries(
      operationTable(doc).map(({ operationId, ...r }) => [operationId, r]),
    ) as unknown as OperationTable;
    app = await startTestApp({ contract: { contract: loadContract(dir), operations } });
    const admin = await signInAdmin(app);
    const created = await request(app.url).post('/api/v1/products').set(bearer(admin)).send({
      sku: 'DEPRECATED-1',
      name: 'Old',
      priceCents: 100,
      currency: 'EUR',
      stock: 1,
      category: 'old',
    });
    expect(created.status).toBe(201);
    productId = created.body.data.id;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('its successful answer carries Deprecation and Sunset in their RFC forms', async () => {
    const res = await request(app.url).get(`/api/v1/products/${productId}`);
    expect(res.status).toBe(200);
    expect(res.headers['deprecation']).toBe(`@${Date.UTC(2026, 11, 1) / 1000}`);
    expect(res.headers['deprecation']).toMatch(
      new RegExp(documented('Deprecation').schema.pattern),
    );
    expect(res.headers['sunset']).toBe('Tue, 01 Jun 2027 00:00:00 GMT');
    expect(new Date(res.headers['sunset'] as string).toISOString()).toBe(
      '2027-06-01T00:00:00.000Z',
    );
  });

  test('so does its 304', async () => {
    const first = await request(app.url).get(`/api/v1/products/${productId}`);
    const res = await request(app.url)
      .get(`/api/v1/products/${productId}`)
      .set('If-None-Match', first.headers['etag'] as string);
    expect(res.status).toBe(304);
    expect(res.headers['sunset']).toBe('Tue, 01 Jun 2027 00:00:00 GMT');
  });

  test('its error answers and other operations carry neither', async () => {
    const missing = await request(app.url).get(
      '/api/v1/products/3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b',
    );
    expect(missing.status).toBe(404);
    const list = await request(app.url).get('/api/v1/products');
    expect(list.status).toBe(200);
    for (const res of [missing, list]) {
      expect(res.headers['deprecation']).toBeUndefined();
      expect(res.headers['sunset']).toBeUndefined();
    }
  });
});
