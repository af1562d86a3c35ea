// express-openapi-validator 5.6.2 compiles every route's matcher on every request; the app
// memoizes path-to-regexp for it (src/middleware/openapi-validator.ts). The cache must hand back
// the same matcher for the same pattern and options, never mix options, and still match.
import { createRequire } from 'node:module';
import { describe, expect, test } from '@jest/globals';
import { memoizeValidatorPathToRegexp } from '../src/middleware/openapi-validator.ts';

type Compile = (path: string, options?: object) => { regexp: RegExp; keys: { name: string }[] };
const validatorRequire = createRequire(
  createRequire(import.meta.url).resolve('express-openapi-validator'),
);
const current = () =>
  (validatorRequire('path-to-regexp') as { pathToRegexp: Compile }).pathToRegexp;

describe("the validator's route matchers", () => {
  test('are compiled once per pattern and options, and still match', () => {
    memoizeValidatorPathToRegexp();
    memoizeValidatorPathToRegexp(); // idempotent: no cache around a cache
    const compile = current();
    const options = { sensitive: false, strict: false };
    const first = compile('/api/v1/products/:id', options);
    expect(compile('/api/v1/products/:id', { ...options })).toBe(first);
    expect(compile('/api/v1/products/:id', { sensitive: true, strict: false })).not.toBe(first);
    expect(compile('/api/v1/orders/:id', options)).not.toBe(first);
    // Options of another shape are cached apart, under their own key.
    const open = compile('/api/v1/products/:id', { end: false });
    expect(compile('/api/v1/products/:id', { end: false })).toBe(open);
    expect(open).not.toBe(first);
    expect(open.regexp.test('/api/v1/products/a1/more')).toBe(true);
    // Shared RegExps carry no state between requests (no g/y flag).
    expect(first.regexp.global || first.regexp.sticky).toBe(false);
    expect(first.regexp.exec('/api/v1/products/a1')?.[1]).toBe('a1');
    expect(first.regexp.exec('/api/v1/products/b2')?.[1]).toBe('b2');
    expect(first.keys.map((k) => k.name)).toEqual(['id']);
  });
});
