// The bundled contract as test cases: every operation with its parameters, and requests built
// from the contract's own examples. Used by the contract-wide tests and the fuzz test.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { TestApp } from './app.ts';

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: { example?: unknown };
}
export interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, unknown>;
}
export interface Doc {
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation | Parameter[]>>;
  components: { parameters?: Record<string, Parameter> };
}

export const doc = JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as Doc;
/** Shared parameters are `$ref`s into components.parameters in the bundle. */
const resolve = (p: Parameter | { $ref: string }): Parameter =>
  '$ref' in p ? (doc.components.parameters?.[p.$ref.split('/').pop() ?? ''] as Parameter) : p;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface Case {
  method: (typeof METHODS)[number];
  template: string;
  op: Operation;
  params: Parameter[];
}
export const cases: Case[] = Object.entries(doc.paths).flatMap(([template, item]) =>
  METHODS.flatMap((method) => {
    const op = item[method] as Operation | undefined;
    if (!op) return [];
    return [
      {
        method,
        template,
        op,
        params: [
          ...((item['parameters'] as Parameter[] | undefined) ?? []),
          ...(op.parameters ?? []),
        ].map(resolve),
      },
    ];
  }),
);

/** A request built from the contract's examples (no body yet), with path values overridden. */
export function build(app: TestApp, c: Case, pathValues: Record<string, string> = {}) {
  let url = c.template;
  for (const p of c.params.filter((p) => p.in === 'path')) {
    url = url.replace(`{${p.name}}`, pathValues[p.name] ?? String(p.example ?? p.schema?.example));
  }
  let req = request(app.url)[c.method](url);
  for (const p of c.params.filter((p) => p.in === 'header' && p.required))
    req = req.set(p.name, String(p.example));
  return req;
}

/** The same, with the contract's example body. */
export function send(app: TestApp, c: Case, pathValues: Record<string, string> = {}) {
  const req = build(app, c, pathValues);
  const body = c.op.requestBody?.content['application/json']?.example;
  return body === undefined ? req : req.send(body as object);
}

export const named = (list: Case[]) =>
  list.map((c) => [`${c.method.toUpperCase()} ${c.template}`, c] as const);
