// The contract's examples are what the Prism mock, the MSW handlers and the docs show, so they
// must be true: every example in the contract (responses, request bodies, parameters, headers,
// and the `examples` of every schema) validates against its schema, and every error code an
// operation documents has a named example under that status whose body carries that code.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { operations as table } from '../generated/operations.ts';
import {
  ajv,
  contractDocument,
  inline,
  operation,
  operations,
  type Schema,
} from './helpers/contract-schemas.ts';

interface Media {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface Header {
  schema?: Schema;
  example?: unknown;
}

const componentSchemas =
  (contractDocument as { components?: { schemas?: Record<string, Schema> } }).components?.schemas ??
  {};

/** [where, schema, value] for every example the contract states. */
function collect(): [string, Schema, unknown][] {
  const found: [string, Schema, unknown][] = [];
  const media = (where: string, content: Record<string, Media> | undefined) => {
    for (const [type, m] of Object.entries(content ?? {})) {
      if (!m.schema) continue;
      if (m.example !== undefined) found.push([`${where} ${type} example`, m.schema, m.example]);
      for (const [name, ex] of Object.entries(m.examples ?? {}))
        found.push([`${where} ${type} examples.${name}`, m.schema, ex.value]);
    }
  };
  for (const op of operations) {
    const id = op.operationId;
    for (const p of op.parameters)
      if (p.example !== undefined) found.push([`${id} parameter ${p.name}`, p.schema, p.example]);
    if (op.requestBody?.example !== undefined)
      found.push([`${id} request body`, op.requestBody.schema, op.requestBody.example]);
    for (const [status, res] of Object.entries(op.responses)) {
      media(`${id} ${status}`, res.content);
      const headers = (res as { headers?: Record<string, Header> }).headers ?? {};
      for (const [name, h] of Object.entries(headers))
        if (h.schema && h.example !== undefined)
          found.push([`${id} ${status} header ${name}`, h.schema, h.example]);
    }
  }
  const walk = (where: string, schema: Schema) => {
    for (const [i, ex] of (schema.examples ?? []).entries())
      found.push([`${where} examples[${i}]`, schema, ex]);
    for (const [name, sub] of Object.entries(schema.properties ?? {}))
      walk(`${where}.${name}`, sub);
    if (schema.items) walk(`${where}[]`, schema.items);
  };
  for (const [name, schema] of Object.entries(componentSchemas)) walk(name, inline(schema));
  return found;
}

const examples = collect();

describe('every example in the contract validates against its schema', () => {
  test('there are examples to check', () => {
    expect(examples.length).toBeGreaterThan(300);
  });

  test.each(examples)('%s', (_where, schema, value) => {
    const validate = ajv.compile(schema);
    validate(value);
    expect(validate.errors ?? []).toEqual([]);
  });
});

const rows = table as unknown as Record<string, { errorCodes: Record<string, string[]> }>;
const documented = Object.entries(rows).flatMap(([id, row]) =>
  Object.entries(row.errorCodes).flatMap(([status, codes]) =>
    codes.map((code) => [`${id} ${status} ${code}`, id, status, code] as const),
  ),
);

test('every header example can be sent as an HTTP header (visible ASCII; Prism answers 500 otherwise)', () => {
  const bad = examples
    .filter(([where]) => where.includes(' header '))
    .filter(([, , value]) => !/^[\x20-\x7e]*$/.test(String(value)))
    .map(([where]) => where);
  expect(bad).toEqual([]);
});

describe('every documented error code has a named example', () => {
  test('there are codes', () => {
    expect(documented.length).toBeGreaterThan(100);
  });

  test.each(documented)('%s', (_name, id, status, code) => {
    const content = operation(id).responses[status]?.content?.['application/json'];
    const example = content?.examples?.[code]?.value as { code?: unknown } | undefined;
    expect(example?.code).toBe(code);
  });

  test('an error example is named after the code it carries', () => {
    const misnamed = operations.flatMap((op) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, res]) =>
          Object.entries(res.content?.['application/json']?.examples ?? {})
            .filter(([name, ex]) => (ex.value as { code?: unknown }).code !== name)
            .map(([name]) => `${op.operationId} ${status} ${name}`),
        ),
    );
    expect(misnamed).toEqual([]);
  });
});

describe('list examples a UI can be built on', () => {
  const listExamples = (id: string) =>
    operation(id).responses['200']?.content?.['application/json']?.examples ?? {};
  type List = { data: Record<string, unknown>[]; meta?: { pagination: Record<string, unknown> } };

  test('products: a first page with at least five products in several categories and stock levels, a page with nextCursor, an empty page', () => {
    const all = Object.values(listExamples('listProducts')).map((e) => e.value as List);
    const first = all[0];
    expect(first?.data.length).toBeGreaterThanOrEqual(5);
    expect(new Set(first?.data.map((p) => p['category'])).size).toBeGreaterThanOrEqual(3);
    const stocks = first?.data.map((p) => p['stock'] as number) ?? [];
    expect(stocks).toContain(0);
    expect(stocks.some((s) => s > 0 && s <= 3)).toBe(true);
    expect(all.some((l) => typeof l.meta?.pagination['nextCursor'] === 'string')).toBe(true);
    expect(all.some((l) => l.data.length === 0)).toBe(true);
  });

  test('orders: every status, and an empty list', () => {
    const all = Object.values(listExamples('listOrders')).map((e) => e.value as List);
    const statuses = new Set(all.flatMap((l) => l.data.map((o) => o['status'])));
    const documentedStatuses = componentSchemas['OrderStatus']?.enum;
    expect([...statuses].sort()).toEqual([...(documentedStatuses ?? [])].sort());
    expect(all.some((l) => l.data.length === 0)).toBe(true);
  });

  test('users: both roles; sessions: several, one of them current', () => {
    const users = Object.values(listExamples('listUsers')).flatMap((e) => (e.value as List).data);
    expect(new Set(users.map((u) => u['role']))).toEqual(new Set(['customer', 'admin']));
    const sessions = Object.values(listExamples('listSessions')).flatMap(
      (e) => (e.value as List).data,
    );
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s['current'] === true)).toHaveLength(1);
  });
});

test("the README's QA section lists every documented error code and every named success example", () => {
  const readme = readFileSync('README.md', 'utf8');
  const qa = readme.slice(
    readme.indexOf('## For QA'),
    readme.indexOf('\n## ', readme.indexOf('## For QA') + 1),
  );
  const codes = new Set(documented.map(([, , , code]) => code));
  const names = operations.flatMap((op) =>
    Object.entries(op.responses)
      .filter(([status]) => status.startsWith('2'))
      .flatMap(([, res]) => Object.keys(res.content?.['application/json']?.examples ?? {})),
  );
  const missing = [...codes, ...names].filter((name) => !qa.includes(`\`${name}\``));
  expect(missing).toEqual([]);
});
