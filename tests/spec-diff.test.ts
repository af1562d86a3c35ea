// The breaking-change gate and its corpus: one mutation per class of break, applied to the frozen
// release openapi/releases/v0.1.0.yaml, must be blocked with a sentence naming the operation and
// the change; compatible changes must pass. The rules run in memory (scripts/lib/spec-compat.ts);
// the gate over files and redocly's own diff run for real at the end.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { changelogMarkdown, withChangelogSection } from '../scripts/lib/spec-changelog.ts';
import { judge, latestRelease, redoclyDiff, specDiff } from '../scripts/spec-diff.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const RELEASE = 'openapi/releases/v0.1.0.yaml';
const release = (): Json => parse(readFileSync(RELEASE, 'utf8')) as Json;
/** The current bundle: it documents x-permission, which v0.1.0 predates (ADR 0008). */
const current = (): Json => JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as Json;

const S = (d: Json) => d.components.schemas;
const P = (d: Json) => d.paths;
const param = (op: Json, name: string): Json =>
  op.parameters.find(
    (p: Json) => p.name === name || p.$ref?.endsWith(`/${name[0]?.toUpperCase()}${name.slice(1)}`),
  );

interface Case {
  name: string;
  /** Applied to the base and the revision alike (sets the scene). */
  before?: (d: Json) => void;
  edit: (d: Json) => void;
  /** The operationId the finding must name, its rule, and words of its sentence. */
  operation: string;
  rule: string;
  says: RegExp;
  base?: () => Json;
}

const BREAKING: Case[] = [
  {
    name: 'a path removed',
    edit: (d) => delete P(d)['/api/v1/orders/{id}/cancel'],
    operation: 'cancelOrder',
    rule: 'operation-removed',
    says: /The operation was removed/,
  },
  {
    name: 'an operation removed',
    edit: (d) => delete P(d)['/api/v1/products/{id}'].delete,
    operation: 'deleteProduct',
    rule: 'operation-removed',
    says: /The operation was removed/,
  },
  {
    name: 'a success status removed',
    edit: (d) => {
      const responses = P(d)['/api/v1/orders'].post.responses;
      responses['200'] = responses['201'];
      delete responses['201'];
    },
    operation: 'createOrder',
    rule: 'success-status-removed',
    says: /The 201 response was removed/,
  },
  {
    name: 'an operationId renamed',
    edit: (d) => (P(d)['/api/v1/products/{id}'].get.operationId = 'fetchProduct'),
    operation: 'getProduct',
    rule: 'operation-id-renamed',
    says: /operationId changed from 'getProduct' to 'fetchProduct'/,
  },
  {
    name: 'a path renamed',
    edit: (d) => {
      P(d)['/api/v1/catalog/{id}'] = P(d)['/api/v1/products/{id}'];
      delete P(d)['/api/v1/products/{id}'];
    },
    operation: 'getProduct',
    rule: 'path-renamed',
    says: /moved from GET \/api\/v1\/products\/\{id\} to GET \/api\/v1\/catalog\/\{id\}/,
  },
  {
    name: 'a new required query parameter',
    edit: (d) =>
      P(d)['/api/v1/products'].get.parameters.push({
        name: 'tenant',
        in: 'query',
        required: true,
        schema: { type: 'string' },
      }),
    operation: 'listProducts',
    rule: 'required-parameter-added',
    says: /query parameter 'tenant' is new and required/,
  },
  {
    name: 'a new required header',
    edit: (d) =>
      P(d)['/api/v1/products'].get.parameters.push({
        name: 'X-Client',
        in: 'header',
        required: true,
        schema: { type: 'string' },
      }),
    operation: 'listProducts',
    rule: 'required-parameter-added',
    says: /header parameter 'X-Client' is new and required/,
  },
  {
    name: 'an optional query parameter made required',
    edit: (d) => (param(P(d)['/api/v1/products'].get, 'q').required = true),
    operation: 'listProducts',
    rule: 'parameter-became-required',
    says: /query parameter 'q' was optional and is now required/,
  },
  {
    name: 'a new required request property',
    edit: (d) => {
      S(d).CreateProductRequest.properties.vendor = { type: 'string', maxLength: 50 };
      S(d).CreateProductRequest.required.push('vendor');
    },
    operation: 'createProduct',
    rule: 'request-required-property-added',
    says: /property 'vendor' of the request body is new and required/,
  },
  {
    name: 'an optional request property made required',
    edit: (d) => S(d).CreateProductRequest.required.push('description'),
    operation: 'createProduct',
    rule: 'request-property-became-required',
    says: /property 'description' of the request body was optional and is now required/,
  },
  {
    name: "a request property's type changed",
    edit: (d) => (S(d).CreateProductRequest.properties.stock.type = 'string'),
    operation: 'createProduct',
    rule: 'request-type-changed',
    says: /type of the property 'stock' of the request body changed from 'integer' to 'string'/,
  },
  {
    name: "a request property's format changed",
    edit: (d) =>
      (S(d).CreateOrderRequest.properties.items.items.properties.productId.format = 'uri'),
    operation: 'createOrder',
    rule: 'request-format-changed',
    says: /format of the property 'items\[\]\.productId' of the request body changed from 'uuid' to 'uri'/,
  },
  {
    name: 'a request enum value removed',
    edit: (d) => {
      const sort = param(P(d)['/api/v1/products'].get, 'sort').schema;
      sort.enum = sort.enum.filter((v: string) => v !== 'name');
    },
    operation: 'listProducts',
    rule: 'request-enum-value-removed',
    says: /query parameter 'sort' no longer accepts 'name'/,
  },
  {
    name: "a request string's maxLength tightened",
    edit: (d) => (S(d).CreateProductRequest.properties.name.maxLength = 100),
    operation: 'createProduct',
    rule: 'request-maxLength-lowered',
    says: /maximum length of the property 'name' of the request body changed from 200 to 100/,
  },
  {
    name: "a request array's maxItems lowered",
    edit: (d) => (S(d).CreateOrderRequest.properties.items.maxItems = 10),
    operation: 'createOrder',
    rule: 'request-maxItems-lowered',
    says: /maximum number of items of the property 'items' of the request body changed from 50 to 10/,
  },
  {
    name: "a request number's maximum lowered",
    edit: (d) => (S(d).CreateProductRequest.properties.priceCents.maximum = 1_000_000),
    operation: 'createProduct',
    rule: 'request-maximum-lowered',
    says: /maximum of the property 'priceCents' of the request body changed from 100000000000 to 1000000/,
  },
  {
    name: "a request string's minLength raised",
    edit: (d) => (S(d).CreateProductRequest.properties.name.minLength = 3),
    operation: 'createProduct',
    rule: 'request-minLength-raised',
    says: /minimum length of the property 'name' of the request body changed from 1 to 3/,
  },
  {
    name: "a query parameter's minimum raised",
    edit: (d) => (d.components.parameters.Limit.schema.minimum = 5),
    operation: 'listUsers',
    rule: 'request-minimum-raised',
    says: /minimum of the query parameter 'limit' changed from 1 to 5/,
  },
  {
    name: 'a request pattern added',
    edit: (d) => (S(d).CreateProductRequest.properties.name.pattern = '^[A-Z]'),
    operation: 'createProduct',
    rule: 'request-pattern-changed',
    says: /property 'name' of the request body must now match the pattern '\^\[A-Z\]'/,
  },
  {
    name: 'a request pattern changed',
    edit: (d) => (S(d).Currency.pattern = '^(EUR|USD)$'),
    operation: 'createProduct',
    rule: 'request-pattern-changed',
    says: /pattern of the property 'currency' of the request body changed from '\^\[A-Z\]\{3\}\$' to '\^\(EUR\|USD\)\$'/,
  },
  {
    name: 'a request schema closed (additionalProperties: false)',
    before: (d) => delete S(d).CreateProductRequest.additionalProperties,
    edit: (d) => (S(d).CreateProductRequest.additionalProperties = false),
    operation: 'createProduct',
    rule: 'request-additional-properties-closed',
    says: /request body no longer accepts properties it does not list/,
  },
  {
    name: 'a request media type removed',
    edit: (d) => {
      const content = P(d)['/api/v1/products'].post.requestBody.content;
      content['application/merge-patch+json'] = content['application/json'];
      delete content['application/json'];
    },
    operation: 'createProduct',
    rule: 'request-media-type-removed',
    says: /request body no longer accepts application\/json/,
  },
  {
    name: 'a request default value changed',
    edit: (d) => (param(P(d)['/api/v1/products'].get, 'sort').schema.default = 'name'),
    operation: 'listProducts',
    rule: 'default-changed',
    says: /default of the query parameter 'sort' changed from '-createdAt' to 'name'/,
  },
  {
    name: 'a response property removed',
    edit: (d) => {
      delete S(d).Product.properties.description;
      S(d).Product.required = S(d).Product.required.filter((r: string) => r !== 'description');
    },
    operation: 'getProduct',
    rule: 'response-property-removed',
    says: /property 'data\.description' of the 200 response was removed/,
  },
  {
    name: 'a response property made optional',
    edit: (d) =>
      (S(d).Product.required = S(d).Product.required.filter((r: string) => r !== 'stock')),
    operation: 'getProduct',
    rule: 'response-property-became-optional',
    says: /property 'data\.stock' of the 200 response was always present and is now optional/,
  },
  {
    name: "a response property's type changed",
    edit: (d) => (S(d).Product.properties.stock.type = 'string'),
    operation: 'getProduct',
    rule: 'response-type-changed',
    says: /type of the property 'data\.stock' of the 200 response changed from 'integer' to 'string'/,
  },
  {
    name: "a response property's format changed",
    edit: (d) => (S(d).Product.properties.createdAt.format = 'date'),
    operation: 'getProduct',
    rule: 'response-format-changed',
    says: /format of the property 'data\.createdAt' of the 200 response changed from 'date-time' to 'date'/,
  },
  {
    name: 'a response header removed',
    edit: (d) => delete P(d)['/api/v1/products/{id}'].get.responses['200'].headers.ETag,
    operation: 'getProduct',
    rule: 'response-header-removed',
    says: /header 'ETag' of the 200 response was removed/,
  },
  {
    name: 'a response media type removed',
    edit: (d) => {
      const content = P(d)['/openapi.yaml'].get.responses['200'].content;
      content['text/plain'] = content['application/yaml'];
      delete content['application/yaml'];
    },
    operation: 'getOpenApiYaml',
    rule: 'response-media-type-removed',
    says: /200 response no longer comes as application\/yaml/,
  },
  {
    name: 'a public operation made to need a token',
    edit: (d) => delete P(d)['/api/v1/products'].get.security,
    operation: 'listProducts',
    rule: 'operation-made-non-public',
    says: /was public and now needs a bearer token/,
  },
  {
    name: 'a permission added to an operation that had none',
    base: current,
    before: (d) => delete P(d)['/api/v1/users/me'].get['x-permission'],
    edit: (d) => (P(d)['/api/v1/users/me'].get['x-permission'] = 'profile:read'),
    operation: 'getMe',
    rule: 'permission-added',
    says: /now needs the permission 'profile:read'/,
  },
  {
    name: "an operation's permission changed",
    base: current,
    edit: (d) => (P(d)['/api/v1/orders'].get['x-permission'] = 'orders:manage'),
    operation: 'listOrders',
    rule: 'permission-added',
    says: /permission changed from 'orders:read' to 'orders:manage'/,
  },
  {
    name: 'a deprecated parameter removed before its sunset',
    before: (d) =>
      Object.assign(param(P(d)['/api/v1/products'].get, 'cursor'), {
        deprecated: true,
        'x-sunset': '2999-01-01',
      }),
    edit: (d) => {
      const op = P(d)['/api/v1/products'].get;
      op.parameters = op.parameters.filter((p: Json) => p.name !== 'cursor');
    },
    operation: 'listProducts',
    rule: 'parameter-removed',
    says: /query parameter 'cursor' was removed before its sunset: its sunset is 2999-01-01/,
  },
  {
    name: 'a deprecated operation removed before its sunset',
    before: (d) =>
      Object.assign(P(d)['/api/v1/auth/sessions'].get, {
        deprecated: true,
        'x-sunset': '2999-01-01',
      }),
    edit: (d) => delete P(d)['/api/v1/auth/sessions'].get,
    operation: 'listSessions',
    rule: 'operation-removed',
    says: /The operation was removed before its sunset: its sunset is 2999-01-01/,
  },
];

const COMPATIBLE: { name: string; before?: (d: Json) => void; edit: (d: Json) => void }[] = [
  {
    name: 'a new optional query parameter',
    edit: (d) =>
      P(d)['/api/v1/products'].get.parameters.push({
        name: 'brand',
        in: 'query',
        schema: { type: 'string', maxLength: 50 },
      }),
  },
  {
    name: 'a new optional request property',
    edit: (d) => (S(d).CreateProductRequest.properties.vendor = { type: 'string', maxLength: 50 }),
  },
  {
    name: 'a new response property',
    edit: (d) => (S(d).Product.properties.rating = { type: 'number', minimum: 0, maximum: 5 }),
  },
  {
    name: 'a new operation',
    edit: (d) =>
      (P(d)['/api/v1/products/{id}/reviews'] = {
        get: {
          operationId: 'listReviews',
          tags: ['products'],
          security: [],
          responses: { 200: { description: 'Reviews.' } },
        },
      }),
  },
  {
    name: 'loosened request limits (maxLength, maximum, minLength)',
    edit: (d) => {
      const p = S(d).CreateProductRequest.properties;
      p.name.maxLength = 400;
      p.priceCents.maximum = 1e12;
      p.sku = { ...S(d).Sku, minLength: 1 };
    },
  },
  {
    name: 'a reworded description',
    edit: (d) => (P(d)['/api/v1/products'].get.description = 'Lists the catalog, reworded.'),
  },
  {
    name: 'a new error status documented',
    edit: (d) =>
      (P(d)['/api/v1/products'].post.responses['422'] =
        P(d)['/api/v1/products'].post.responses['409']),
  },
  {
    name: 'a new request enum value',
    edit: (d) => param(P(d)['/api/v1/products'].get, 'sort').schema.enum.push('sku'),
  },
  {
    name: 'a required request property made optional',
    edit: (d) =>
      (S(d).CreateProductRequest.required = S(d).CreateProductRequest.required.filter(
        (r: string) => r !== 'category',
      )),
  },
  {
    name: 'a protected operation made public',
    edit: (d) => (P(d)['/api/v1/orders/{id}'].get.security = []),
  },
  {
    name: 'a new response header',
    edit: (d) =>
      (P(d)['/api/v1/products/{id}'].get.responses['200'].headers['Last-Modified'] = {
        schema: { type: 'string' },
      }),
  },
  {
    name: 'an operation deprecated with a sunset',
    edit: (d) =>
      Object.assign(P(d)['/api/v1/auth/sessions'].get, {
        deprecated: true,
        'x-sunset': '2999-01-01',
      }),
  },
  {
    name: 'a deprecated parameter removed after its sunset',
    before: (d) =>
      Object.assign(param(P(d)['/api/v1/products'].get, 'cursor'), {
        deprecated: true,
        'x-sunset': '2020-01-01',
      }),
    edit: (d) => {
      const op = P(d)['/api/v1/products'].get;
      op.parameters = op.parameters.filter((p: Json) => p.name !== 'cursor');
    },
  },
  {
    name: 'a response string limit tightened',
    edit: (d) => (S(d).Product.properties.description.maxLength = 1000),
  },
];

function pair(c: { before?: (d: Json) => void; edit: (d: Json) => void; base?: () => Json }) {
  const base = (c.base ?? release)();
  c.before?.(base);
  const revision = structuredClone(base);
  c.edit(revision);
  return judge(base, revision);
}

describe('the breaking-change gate on the frozen release', () => {
  test('the release against itself: no change at all', () => {
    expect(judge(release(), release())).toMatchObject({
      impact: 'none',
      allowed: true,
      findings: [],
    });
  });

  test.each(BREAKING.map((c) => [c.name, c] as const))('blocks %s', (_name, c) => {
    const result = pair(c);
    expect(result.allowed).toBe(false);
    expect(result.impact).toBe('major');
    const names = result.breaking.filter(
      (f) => f.operation.endsWith(`(${c.operation})`) && f.rule === c.rule,
    );
    expect(names.map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(c.says)]),
    );
    // Sentences, not JSON pointers.
    for (const f of result.findings) expect(f.message).not.toMatch(/#\/|~1/);
  });

  test.each(COMPATIBLE.map((c) => [c.name, c] as const))('lets %s through', (_name, c) => {
    const result = pair(c);
    expect(result.breaking).toEqual([]);
    expect(result.allowed).toBe(true);
    expect(result.findings.length).toBeGreaterThan(c.name === 'a reworded description' ? -1 : 0);
  });

  test('a response enum value added is a warning for exhaustive clients, not a block', () => {
    const result = pair({ edit: (d) => S(d).OrderStatus.enum.push('refunded') });
    expect(result.allowed).toBe(true);
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        rule: 'response-enum-value-added',
        operation: 'GET /api/v1/orders/{id} (getOrder)',
        message: expect.stringMatching(
          /property 'data\.status' of the 200 response may now be 'refunded'/,
        ),
      }),
    );
  });

  test('a breaking change passes once the major version moves', () => {
    const result = pair({
      edit: (d) => {
        delete P(d)['/api/v1/products/{id}'].delete;
        d.info.version = '1.0.0';
      },
    });
    expect(result).toMatchObject({ impact: 'major', allowed: true });
  });
});

describe('spec:diff over files, with redocly beside it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfm-spec-diff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('there is a released contract to compare with', () => {
    expect(latestRelease()).toMatch(/openapi\/releases\/v\d+\.\d+\.\d+\.yaml$/);
  });

  test('the current contract passes against the last release, its accepted breaks named', () => {
    const result = specDiff(latestRelease() ?? '', 'generated/openapi.yaml');
    expect(result).toMatchObject({ impact: 'minor', allowed: true, breaking: [] });
    expect(result.accepted.map((f) => f.rule)).toContain('request-pattern-changed');
  });

  test("redocly's diff-recommended rules are on and see a removed operation", () => {
    const revision = release();
    delete P(revision)['/api/v1/products/{id}'].delete;
    const file = path.join(dir, 'removed.json');
    writeFileSync(file, JSON.stringify(revision));
    const verdicts = redoclyDiff(RELEASE, file);
    expect(verdicts).toContainEqual(
      expect.objectContaining({ ruleId: 'operation-removed', impact: 'major' }),
    );
  });

  test('the changelog reads as sentences grouped by operation', () => {
    const result = pair({
      edit: (d) => {
        S(d).CreateProductRequest.properties.name.maxLength = 100;
        S(d).Product.properties.rating = { type: 'number' };
        Object.assign(P(d)['/api/v1/auth/sessions'].get, {
          deprecated: true,
          'x-sunset': '2999-01-01',
        });
      },
    });
    const markdown = changelogMarkdown(result);
    expect(markdown).toContain(
      '### Breaking\n\n#### `POST /api/v1/products` (createProduct)\n\n- The maximum length of the property',
    );
    expect(markdown).toMatch(
      /### Deprecated\n\n#### `GET \/api\/v1\/auth\/sessions` \(listSessions\)\n\n- The operation is deprecated; it may be removed after 2999-01-01\./,
    );
    expect(markdown).toMatch(
      /### Added[\s\S]*property 'data\.rating' of the 200 response is new\./,
    );
    expect(markdown).not.toMatch(/#\/|~1/);
  });

  test("spec:release writes the release's API section under Unreleased, once", () => {
    const changelog = '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- A thing.\n';
    const once = withChangelogSection(changelog, '0.2.0', '### API changes: one\n');
    expect(once).toBe(
      '# Changelog\n\n## [Unreleased]\n\n<!-- api-changes 0.2.0 -->\n### API changes: one\n<!-- api-changes 0.2.0 -->\n\n### Added\n\n- A thing.\n',
    );
    const again = withChangelogSection(once, '0.2.0', '### API changes: two\n');
    expect(again).toBe(once.replace('one', 'two'));
  });
});
