// Pure HTTP-layer logic, no database: ETag matching for If-Match / If-None-Match (RFC 9110
// §13.1), the catalog's ETag, and the JSON pointers a controller gives a service's field errors.
import { describe, expect, test } from '@jest/globals';
import { etagOf } from '../../src/api/products/products.controller.ts';
import { AppError, underField } from '../../src/utils/errors.ts';
import { etagMatches } from '../../src/utils/etag.ts';
import { inRequest } from '../../src/utils/http-errors.ts';

const id = '3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b';

describe('etagOf', () => {
  test('changes with the version and names the product', () => {
    expect(etagOf({ id, version: 3 })).toBe('"v3-3f1c2a4e"');
    expect(etagOf({ id, version: 4 })).not.toBe(etagOf({ id, version: 3 }));
  });
});

describe('etagMatches', () => {
  const etag = '"v3-3f1c2a4e"';

  test('no header matches nothing', () => {
    expect(etagMatches(undefined, etag, false)).toBe(false);
    expect(etagMatches(undefined, etag, true)).toBe(false);
  });

  test('the same tag matches, another does not', () => {
    expect(etagMatches(etag, etag, false)).toBe(true);
    expect(etagMatches('"v2-3f1c2a4e"', etag, false)).toBe(false);
  });

  test('* matches any current representation', () => {
    expect(etagMatches('*', etag, false)).toBe(true);
    expect(etagMatches('*', etag, true)).toBe(true);
  });

  test('a list matches when any member does, spaces around commas allowed', () => {
    expect(etagMatches(`"a", ${etag} ,"b"`, etag, false)).toBe(true);
    expect(etagMatches('"a","b"', etag, false)).toBe(false);
  });

  test('a weak tag matches only under weak comparison (If-None-Match), never for If-Match', () => {
    expect(etagMatches(`W/${etag}`, etag, true)).toBe(true);
    expect(etagMatches(`W/${etag}`, etag, false)).toBe(false);
  });

  test('a tag without its quotes is not the tag', () => {
    expect(etagMatches('v3-3f1c2a4e', etag, false)).toBe(false);
  });
});

describe('field errors become JSON pointers at the HTTP edge', () => {
  const failing = (fields: { field: (string | number)[]; message: string }[]) => () =>
    Promise.reject(new AppError(400, 'UNKNOWN_PRODUCT', 'x', { fields }));

  test('a service naming items[3].productId points at /body/items/3/productId', async () => {
    const error = await inRequest(
      'body',
      failing([{ field: ['items', 3, 'productId'], message: 'no such product' }]),
    ).catch((e: unknown) => e as AppError);
    expect(error.details).toEqual([
      { path: '/body/items/3/productId', message: 'no such product' },
    ]);
    expect(error.fields).toBeUndefined();
    expect(error.status).toBe(400);
    expect(error.code).toBe('UNKNOWN_PRODUCT');
  });

  test('a query parameter points under /query; ~ and / in a key are escaped (RFC 6901)', async () => {
    const error = await inRequest(
      'query',
      failing([
        { field: ['cursor'], message: 'bad' },
        { field: ['a/b~c'], message: 'odd' },
      ]),
    ).catch((e: unknown) => e as AppError);
    expect(error.details?.map((d) => d.path)).toEqual(['/query/cursor', '/query/a~1b~0c']);
  });

  test("a service handing its items to another prefixes the other one's fields", async () => {
    const error = await inRequest('body', () =>
      underField(['items'], failing([{ field: [2], message: 'only 0 in stock' }])),
    ).catch((e: unknown) => e as AppError);
    expect(error.details).toEqual([{ path: '/body/items/2', message: 'only 0 in stock' }]);
  });

  test('the class, status and headers of the error survive', async () => {
    class Custom extends AppError {}
    const error = await inRequest('body', () =>
      Promise.reject(
        new Custom(429, 'RATE_LIMITED', 'x', {
          fields: [{ field: ['a'], message: 'b' }],
          headers: { 'Retry-After': '3' },
        }),
      ),
    ).catch((e: unknown) => e as AppError);
    expect(error).toBeInstanceOf(Custom);
    expect(error.headers).toEqual({ 'Retry-After': '3' });
  });

  test('other errors pass through untouched', async () => {
    const boom = new Error('boom');
    await expect(inRequest('body', () => Promise.reject(boom))).rejects.toBe(boom);
  });
});
