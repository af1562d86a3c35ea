// Reads the bundled contract and writes generated/examples.ts: for every operation and every
// documented status, the content type and the named examples of the response body ($refs
// resolved), in the contract's order. The single-`example` form is named `default`; a response
// with no body has none. The SDK's MSW handlers answer from it (sdk/src/examples.ts is a copy).

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

function resolve(doc: Json, value: unknown, depth = 0): unknown {
  if (depth > 50) throw new Error('a $ref cycle among the examples');
  if (Array.isArray(value)) return value.map((v) => resolve(doc, v, depth + 1));
  if (!value || typeof value !== 'object') return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const target = ref
      .slice(2)
      .split('/')
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((at, p) => (at as Json | undefined)?.[p], doc);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    return resolve(doc, target, depth + 1);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(doc, v, depth + 1)]));
}

export interface ExampleRow {
  contentType: string | null;
  examples: Record<string, unknown>;
}

export function examplesTable(doc: Json): Record<string, Record<string, ExampleRow>> {
  const table: Record<string, Record<string, ExampleRow>> = {};
  for (const item of Object.values(doc['paths'] as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = resolve(doc, item[method]) as
        | { operationId: string; responses: Record<string, { content?: Record<string, Json> }> }
        | undefined;
      if (!op) continue;
      const rows: Record<string, ExampleRow> = {};
      for (const [status, response] of Object.entries(op.responses)) {
        const [contentType, media]: [string | null, Json] = Object.entries(
          response.content ?? {},
        )[0] ?? [null, {}];
        const examples: Record<string, unknown> = {};
        if (media['example'] !== undefined) examples['default'] = media['example'];
        for (const [name, ex] of Object.entries((media['examples'] ?? {}) as Record<string, Json>))
          examples[name] = ex['value'];
        rows[status] = { contentType, examples };
      }
      table[op.operationId] = rows;
    }
  }
  return table;
}

export function examplesModule(doc: Json): string {
  return `// Generated from openapi/ by \`npm run generate\`. Do not edit.
// The contract's response examples per operation and status, by name (\`default\` for a single
// \`example\`): what the Prism mock and the SDK's MSW handlers answer.

export const examples = ${JSON.stringify(examplesTable(doc), null, 2)} as const;
`;
}
