// The generator of generated/operations.ts refuses a contract the edge could not enforce as
// written, naming the operation: a reviewer sees it at `npm run generate`, not in production.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { operationsModule, operationTable } from '../scripts/lib/operation-table.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const bundle = (): Json => JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as Json;

describe('the operation table', () => {
  test('the contract as it stands gives one row per operation, as committed', () => {
    const doc = bundle();
    const rows = operationTable(doc);
    expect(rows.map((r) => r.operationId)).toContain('createOrder');
    expect(rows.find((r) => r.operationId === 'createOrder')).toMatchObject({
      security: 'bearer',
      permission: 'orders:place',
      rateLimits: ['api-ip', 'user', 'checkout'],
      headers: ['Idempotency-Key'],
    });
    expect(operationsModule(doc)).toBe(readFileSync('generated/operations.ts', 'utf8'));
  });

  test.each([
    [
      'a protected operation without x-permission',
      (d: Json) => delete d.paths['/api/v1/orders/{id}/status'].patch['x-permission'],
      /updateOrderStatus\): needs x-permission/,
    ],
    [
      'a public operation with x-permission',
      (d: Json) => (d.paths['/api/v1/products'].get['x-permission'] = 'products:manage'),
      /listProducts\): a public operation has no x-permission/,
    ],
    [
      'x-rate-limits without a documented 429',
      (d: Json) => delete d.paths['/api/v1/orders'].post.responses['429'],
      /createOrder\): x-rate-limits and a documented 429 go together/,
    ],
    [
      'a required scheme other than bearerAuth',
      (d: Json) => (d.paths['/metrics'].get.security = [{ metricsToken: [] }]),
      /getMetrics\): only bearerAuth can be required/,
    ],
    [
      'an error response whose example is named after another code',
      (d: Json) => {
        const examples =
          d.components.responses.InsufficientStock.content['application/json'].examples;
        examples.OUT_OF_STOCK = examples.INSUFFICIENT_STOCK;
        delete examples.INSUFFICIENT_STOCK;
      },
      /createOrder\) 409: the example OUT_OF_STOCK must show code OUT_OF_STOCK/,
    ],
    [
      'an operationId used twice',
      (d: Json) => (d.paths['/api/v1/orders'].get.operationId = 'createOrder'),
      /operationId createOrder is used twice/,
    ],
  ])('refuses %s, naming the operation', (_name, mutate, message) => {
    const doc = bundle();
    mutate(doc);
    expect(() => operationsModule(doc)).toThrow(message);
  });
});
