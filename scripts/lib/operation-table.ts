// Reads the bundled contract and writes generated/operations.ts: one row per operation with
// everything the server's edge needs to mount, guard and answer it, and the contract's enums and
// patterns as runtime values. Refuses (throws, naming the operation) a contract the edge cannot
// enforce as written, so a reviewer sees the problem at `npm run generate`, not in production.

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
const ERROR_ENVELOPE = '#/components/schemas/ErrorEnvelope';

export interface OperationRow {
  operationId: string;
  method: (typeof METHODS)[number];
  path: string;
  tag: string;
  /** `public`: the operation may be called without credentials; `bearer`: an access token. */
  security: 'public' | 'bearer';
  permission: string | null;
  rateLimits: string[];
  statuses: number[];
  /** Documented header parameters, as the contract spells them. */
  headers: string[];
  /** Cookies the operation reads: cookie parameters and cookie security schemes. */
  cookies: string[];
  /** Query parameters with a default, and the default (the validator applies them). */
  queryDefaults: Record<string, unknown>;
  /** Content type of each documented response with a body. */
  contentTypes: Record<string, string>;
  /** The `code` values each error response may carry. */
  errorCodes: Record<string, string[]>;
  /**
   * For a deprecated operation, the headers its successful answers carry: `Deprecation`
   * (RFC 9745, `@<unix seconds>` of x-deprecated-at) and `Sunset` (RFC 8594, the HTTP-date of
   * x-sunset). null otherwise.
   */
  deprecation: { deprecation: string; sunset: string } | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A deprecated operation names when it was deprecated and when it may go (x-deprecated-at,
 * x-sunset: dates, the first not after the second) and documents the Deprecation and Sunset
 * headers on every response it answers without an error, so clients and the mock see them.
 */
function deprecationOf(
  doc: Json,
  op: Json,
  responses: Record<string, Json>,
  where: string,
): OperationRow['deprecation'] {
  const [since, sunset] = [op['x-deprecated-at'], op['x-sunset']];
  if (op['deprecated'] !== true) {
    if (since !== undefined || sunset !== undefined)
      throw new Error(`${where}: x-deprecated-at and x-sunset need deprecated: true`);
    return null;
  }
  for (const [name, value] of [
    ['x-deprecated-at', since],
    ['x-sunset', sunset],
  ] as const)
    if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)))
      throw new Error(`${where}: a deprecated operation needs ${name} as a date (YYYY-MM-DD)`);
  const [from, to] = [Date.parse(since as string), Date.parse(sunset as string)];
  if (from > to) throw new Error(`${where}: x-deprecated-at is after x-sunset`);
  for (const [status, raw] of Object.entries(responses)) {
    if (Number(status) >= 400) continue;
    const headers = Object.keys((deref<Json>(doc, raw)['headers'] as Json | undefined) ?? {});
    for (const name of ['Deprecation', 'Sunset'])
      if (!headers.some((h) => h.toLowerCase() === name.toLowerCase()))
        throw new Error(`${where} ${status}: a deprecated operation documents the ${name} header`);
  }
  return { deprecation: `@${String(from / 1000)}`, sunset: new Date(to).toUTCString() };
}

function deref<T>(doc: Json, value: T | { $ref: string }): T {
  let current: unknown = value;
  for (let hops = 0; hops < 20; hops += 1) {
    if (!current || typeof current !== 'object' || !('$ref' in current)) return current as T;
    const ref = String((current as { $ref: string }).$ref);
    if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} in the bundle`);
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
  }
  throw new Error('$ref cycle');
}

/**
 * The `code` values an error response may carry: its named examples, one per code, each named
 * after the code it shows (so Prism serves it with `Prefer: example=<CODE>`). Codes are not an
 * enum in the schema on purpose: adding a code stays a minor change, and clients must expect
 * codes they do not know (ADR 0008).
 */
function errorCodesOf(doc: Json, response: Json, where: string): string[] {
  const media = (response['content'] as Json | undefined)?.['application/json'] as Json | undefined;
  if ((media?.['schema'] as Json | undefined)?.['$ref'] !== ERROR_ENVELOPE)
    throw new Error(`${where}: an error response must be an ErrorEnvelope`);
  const examples = (media?.['examples'] ?? {}) as Record<string, Json>;
  const codes = Object.keys(examples);
  if (media?.['example'] !== undefined || codes.length === 0)
    throw new Error(`${where}: name each error code as an example (examples: {CODE: …})`);
  for (const code of codes) {
    const value = deref<Json>(doc, examples[code] as Json)['value'] as Json | undefined;
    if (value?.['code'] !== code)
      throw new Error(`${where}: the example ${code} must show code ${code}`);
  }
  return codes.sort();
}

export function operationTable(doc: Json): OperationRow[] {
  const rows: OperationRow[] = [];
  const schemes = ((doc['components'] as Json)['securitySchemes'] ?? {}) as Record<string, Json>;
  const globalSecurity = (doc['security'] ?? []) as Record<string, string[]>[];
  for (const [path, item] of Object.entries(doc['paths'] as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const id = String(op['operationId']);
      const where = `${method.toUpperCase()} ${path} (${id})`;
      const tags = (op['tags'] as string[] | undefined) ?? [];
      if (tags.length !== 1) throw new Error(`${where}: needs exactly one tag (its domain)`);

      const security = (op['security'] as Record<string, string[]>[] | undefined) ?? globalSecurity;
      const anonymous = security.length === 0 || security.some((r) => Object.keys(r).length === 0);
      const named = security.flatMap((r) => Object.keys(r));
      if (
        !anonymous &&
        named.some((n) => schemes[n]?.['scheme'] !== 'bearer' || n !== 'bearerAuth')
      )
        throw new Error(`${where}: only bearerAuth can be required; other schemes need {} too`);
      const permission = (op['x-permission'] as string | undefined) ?? null;
      if (!anonymous && !permission) throw new Error(`${where}: needs x-permission`);
      if (anonymous && permission)
        throw new Error(`${where}: a public operation has no x-permission`);

      const parameters = [
        ...((item['parameters'] as Json[] | undefined) ?? []),
        ...((op['parameters'] as Json[] | undefined) ?? []),
      ].map((p) => deref<Json>(doc, p));
      const named_ = (where_: string) =>
        parameters.filter((p) => p['in'] === where_).map((p) => String(p['name']));
      const cookieSchemes = named
        .map((n) => schemes[n])
        .filter((s) => s?.['type'] === 'apiKey' && s['in'] === 'cookie')
        .map((s) => String(s?.['name']));
      const queryDefaults: Record<string, unknown> = {};
      for (const p of parameters.filter((p) => p['in'] === 'query')) {
        const schema = deref<Json>(doc, (p['schema'] ?? {}) as Json);
        if (schema['default'] !== undefined) queryDefaults[String(p['name'])] = schema['default'];
      }

      const responses = op['responses'] as Record<string, Json>;
      const contentTypes: Record<string, string> = {};
      const errorCodes: Record<string, string[]> = {};
      for (const [status, raw] of Object.entries(responses)) {
        if (!/^\d{3}$/.test(status))
          throw new Error(`${where}: response ${status} is not a status`);
        const response = deref<Json>(doc, raw);
        const declared = response['x-status'] as number | undefined;
        if (declared !== undefined && String(declared) !== status)
          throw new Error(
            `${where}: the response for ${status} is written for ${String(declared)}`,
          );
        const types = Object.keys((response['content'] as Json | undefined) ?? {});
        if (types.length > 1) throw new Error(`${where} ${status}: one content type per response`);
        if (types[0]) contentTypes[status] = types[0];
        if (Number(status) >= 400)
          errorCodes[status] = errorCodesOf(doc, response, `${where} ${status}`);
      }
      const rateLimits = (op['x-rate-limits'] as string[] | undefined) ?? [];
      if (rateLimits.length > 0 !== '429' in responses)
        throw new Error(`${where}: x-rate-limits and a documented 429 go together`);

      rows.push({
        operationId: id,
        method,
        path,
        tag: tags[0] as string,
        security: anonymous ? 'public' : 'bearer',
        permission,
        rateLimits,
        statuses: Object.keys(responses).map(Number),
        headers: named_('header'),
        cookies: [...named_('cookie'), ...cookieSchemes],
        queryDefaults,
        contentTypes,
        errorCodes,
        deprecation: deprecationOf(doc, op, responses, where),
      });
    }
  }
  return rows;
}

/** Every named enum among the component schemas, and the patterns the edge reads at run time. */
function constants(doc: Json): {
  enums: Record<string, string[]>;
  requestIdPattern: string;
  sharedErrorCodes: Record<string, string[]>;
  anyOperationStatuses: number[];
} {
  const components = doc['components'] as Json;
  const enums: Record<string, string[]> = {};
  for (const [name, schema] of Object.entries(components['schemas'] as Record<string, Json>)) {
    if (Array.isArray(schema['enum'])) enums[name] = schema['enum'] as string[];
  }
  // The reusable error responses, including those no operation lists because they answer
  // requests that match no operation (405, 404 on unknown paths) or a bug (500).
  const sharedErrorCodes: Record<string, string[]> = {};
  const anyOperationStatuses: number[] = [];
  for (const [name, response] of Object.entries(components['responses'] as Record<string, Json>)) {
    const media = (response['content'] as Json | undefined)?.['application/json'] as
      Json | undefined;
    const codes = Object.keys((media?.['examples'] as Json | undefined) ?? {});
    const status = (response['x-status'] as number | undefined) ?? undefined;
    if (codes.length === 0) continue;
    if (status === undefined) throw new Error(`components.responses.${name} needs x-status`);
    if (response['x-any-operation'] === true) anyOperationStatuses.push(status);
    sharedErrorCodes[status] = [...new Set([...(sharedErrorCodes[status] ?? []), ...codes])].sort();
  }
  const requestId = (components['headers'] as Record<string, Json>)['XRequestId'];
  const pattern = (requestId?.['schema'] as Json | undefined)?.['pattern'];
  if (typeof pattern !== 'string') throw new Error('components.headers.XRequestId needs a pattern');
  return { enums, requestIdPattern: pattern, sharedErrorCodes, anyOperationStatuses };
}

export function operationsModule(doc: Json): string {
  const rows = operationTable(doc);
  const ids = new Set<string>();
  for (const row of rows) {
    if (ids.has(row.operationId)) throw new Error(`operationId ${row.operationId} is used twice`);
    ids.add(row.operationId);
  }
  const table = Object.fromEntries(rows.map(({ operationId, ...row }) => [operationId, row]));
  const { enums, requestIdPattern, sharedErrorCodes, anyOperationStatuses } = constants(doc);
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    '// Generated from openapi/ by `npm run generate`. Do not edit.',
    '// Every operation of the contract as the edge mounts it (src/middleware/operations.ts).',
    '',
    `export const operations = ${json(table)} as const;`,
    '',
    'export type OperationId = keyof typeof operations;',
    '',
    '/** The named enums of the contract (components.schemas), as runtime values. */',
    `export const enums = ${json(enums)} as const;`,
    '',
    '/** The codes of the reusable error responses (components.responses), by status. */',
    `export const sharedErrorCodes = ${json(sharedErrorCodes)} as const;`,
    '',
    '/** Statuses any operation may answer without listing them (x-any-operation: 500, 503). */',
    `export const anyOperationStatuses = ${JSON.stringify(anyOperationStatuses.sort())} as const;`,
    '',
    '/** components.headers.XRequestId: what a caller-supplied X-Request-Id must match. */',
    `export const requestIdPattern = ${json(requestIdPattern)};`,
    '',
  ].join('\n');
}
