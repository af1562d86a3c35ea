// The bundled contract (generated/openapi.json) as data for tests: every operation by its
// operationId with its parameters, body and responses ($refs inlined, so each schema stands
// alone), Ajv validators for response bodies, and the error codes an operation documents for a
// status. The limits a test needs are read from here, never retyped.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { operations as table } from '../../generated/operations.ts';

/** The JSON Schema keywords the contract uses (OpenAPI 3.1, i.e. JSON Schema 2020-12). */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  default?: unknown;
  description?: string;
  examples?: unknown[];
}

export interface ContractParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  example?: unknown;
  schema: Schema;
}

interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export interface ContractResponse {
  description?: string;
  content?: Record<string, MediaType>;
}

export interface ContractOperation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  description: string;
  /** Needs `Authorization: Bearer <access token>` (the global bearerAuth applies). */
  needsBearer: boolean;
  parameters: ContractParameter[];
  requestBody?: { required: boolean; schema: Schema; example?: unknown };
  responses: Record<string, ContractResponse>;
}

interface RawOperation {
  operationId: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, unknown>;
}

export const contractDocument = JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as {
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, unknown>>;
};

/** Replaces every local `$ref` by what it points at (the contract has no recursive schemas). */
export function inline<T>(node: T, depth = 0): T {
  if (depth > 50) throw new Error('a $ref cycle in the contract');
  if (Array.isArray(node)) return node.map((n: unknown) => inline(n, depth + 1)) as T;
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>(
        (at, part) => (at as Record<string, unknown> | undefined)?.[part],
        contractDocument,
      );
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    return inline(target as T, depth + 1);
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, inline(value, depth + 1)]),
  ) as T;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export const operations: ContractOperation[] = Object.entries(contractDocument.paths).flatMap(
  ([path, item]) =>
    METHODS.flatMap((method) => {
      const raw = item[method] as RawOperation | undefined;
      if (!raw) return [];
      const security = raw.security ?? contractDocument.security ?? [];
      const body = raw.requestBody?.content['application/json'];
      return [
        {
          operationId: raw.operationId,
          method,
          path,
          description: raw.description ?? '',
          // An empty requirement ({}) among the alternatives means no token is needed.
          needsBearer:
            security.length > 0 &&
            security.every((req) => Object.keys(req).length > 0) &&
            security.some((req) => 'bearerAuth' in req),
          parameters: inline([
            ...((item['parameters'] as unknown[] | undefined) ?? []),
            ...(raw.parameters ?? []),
          ]) as ContractParameter[],
          requestBody: body?.schema
            ? {
                required: raw.requestBody?.required ?? false,
                schema: inline(body.schema),
                example: body.example,
              }
            : undefined,
          responses: inline(raw.responses) as Record<string, ContractResponse>,
        },
      ];
    }),
);

export function operation(operationId: string) {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId} in the contract`);
  return {
    ...op,
    parameter(name: string): ContractParameter {
      const p = op.parameters.find((candidate) => candidate.name === name);
      if (!p) throw new Error(`${operationId} has no parameter ${name}`);
      return p;
    },
    body(): Schema {
      if (!op.requestBody) throw new Error(`${operationId} has no JSON body`);
      return op.requestBody.schema;
    },
  };
}

/** A property of an object schema, or an error naming what is missing. */
export function property(schema: Schema, name: string): Schema {
  const found = schema.properties?.[name];
  if (!found) throw new Error(`the schema has no property ${name}`);
  return found;
}

/** The error codes the contract documents for one operation and status (its operation table). */
export function documentedCodes(operationId: string, status: number): readonly string[] {
  const rows = table as unknown as Record<string, { errorCodes: Record<string, string[]> }>;
  return rows[operationId]?.errorCodes[String(status)] ?? [];
}

/**
 * Ajv for JSON Schema 2020-12 with the formats the server's validator knows (ajv-formats in full
 * mode, plus OpenAPI's int32 and int64 with their ranges, as express-openapi-validator checks them).
 */
export const ajv = new Ajv2020.default({ allErrors: true, strict: true });
formats.default(ajv, { mode: 'full' });
// The contract's hints for the mock's dynamic mode (json-schema-faker); no constraint.
ajv.addKeyword('x-faker');
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n <= 2 ** 31 - 1,
});
ajv.addFormat('int64', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 63,
});

const validators = new Map<string, ValidateFunction | undefined>();

/** The validator of the JSON body an operation documents for a status, if it documents one. */
export function responseValidator(
  operationId: string,
  status: number,
): ValidateFunction | undefined {
  const key = `${operationId} ${status}`;
  if (!validators.has(key)) {
    const schema =
      operation(operationId).responses[String(status)]?.content?.['application/json']?.schema;
    validators.set(key, schema ? ajv.compile(schema) : undefined);
  }
  return validators.get(key);
}
