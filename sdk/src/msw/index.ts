// Mock Service Worker handlers for every operation of the contract, for frontend tests in Node
// (msw/node) and in the browser (msw/browser). Each answers the contract's own examples
// (sdk/src/examples.ts, generated): by default the first named example of the operation's first
// success status. A test picks another answer for one operation with `respond`: an error code
// the operation documents, another named example (`empty`, `lastPage`), or a status.
//
//   const server = setupServer(...handlers());
//   server.use(respond('createOrder', 'INSUFFICIENT_STOCK'));   // 409, the contract's example
//   server.use(respond('listProducts', 'empty'));               // 200, an empty page
//
// The mock is stateless, like Prism: every product id answers the same example product.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { examples } from '../examples.ts';
import { operations } from '../operations.ts';

export type OperationId = keyof typeof operations;
type Examples = typeof examples;
type Statuses<K extends OperationId> = keyof Examples[K] & string;

/**
 * The names of the examples an operation's responses carry: error examples are named by their
 * code (`'INSUFFICIENT_STOCK'`), success examples by what they show (`'empty'`), and a single
 * example is `'default'`.
 */
export type ExampleName<K extends OperationId> = {
  [S in Statuses<K>]: keyof Examples[K][S] extends never
    ? never
    : Examples[K][S] extends { examples: infer E }
      ? keyof E & string
      : never;
}[Statuses<K>];

/** A status the operation documents, as a number. */
export type DocumentedStatus<K extends OperationId> = (typeof operations)[K]['statuses'][number];

/** Which answer to give: a named example, a documented status, or both. */
export type Answer<K extends OperationId> =
  | ExampleName<K>
  | { example: ExampleName<K>; status?: DocumentedStatus<K> }
  | { status: DocumentedStatus<K>; example?: ExampleName<K> };

export interface HandlerOptions {
  /** The API's origin, e.g. `http://localhost:3000`. Default: any origin. */
  baseUrl?: string;
}

interface Row {
  contentType: string | null;
  examples: Record<string, unknown>;
}

function rowsOf(id: OperationId): [string, Row][] {
  return Object.entries(examples[id] as unknown as Record<string, Row>);
}

/** The status and body an answer stands for; throws when the contract has no such example. */
export function resolveAnswer<K extends OperationId>(
  operationId: K,
  answer?: Answer<K>,
): { status: number; contentType: string | null; body: unknown } {
  const choice = (typeof answer === 'string' ? { example: answer } : (answer ?? {})) as {
    status?: number;
    example?: string;
  };
  const wanted = choice.status !== undefined ? String(choice.status) : null;
  const name = choice.example;
  const rows = rowsOf(operationId);
  const candidates = rows.filter(([status, row]) =>
    wanted ? status === wanted : name !== undefined ? name in row.examples : status.startsWith('2'),
  );
  for (const [status, row] of candidates) {
    const names = Object.keys(row.examples);
    const picked = name ?? names[0];
    if (picked === undefined) return { status: Number(status), contentType: null, body: null };
    if (picked in row.examples)
      return {
        status: Number(status),
        contentType: row.contentType,
        body: row.examples[picked],
      };
  }
  throw new Error(
    `${operationId}: the contract has no example ${name ?? '(any)'}${wanted ? ` for ${wanted}` : ''}`,
  );
}

function toResponse(answer: { status: number; contentType: string | null; body: unknown }) {
  const { status, contentType, body } = answer;
  if (contentType === null || body === null) return new HttpResponse(null, { status });
  if (contentType.includes('json')) return HttpResponse.json(body as object, { status });
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new HttpResponse(text, { status, headers: { 'content-type': contentType } });
}

/** `/api/v1/products/{id}` → `/api/v1/products/:id`, under the origin (any, by default). */
function urlOf(id: OperationId, options: HandlerOptions): string {
  const path = operations[id].path.replace(/\{([^}]+)\}/g, ':$1');
  return `${options.baseUrl?.replace(/\/$/, '') ?? '*'}${path}`;
}

/** One handler: the operation answers `answer` (or its default example). */
export function respond<K extends OperationId>(
  operationId: K,
  answer?: Answer<K>,
  options: HandlerOptions = {},
): HttpHandler {
  const resolved = resolveAnswer(operationId, answer);
  return http[operations[operationId].method](urlOf(operationId, options), () =>
    toResponse(resolved),
  );
}

/** A handler for every operation of the contract, each answering its default example. */
export function handlers(options: HandlerOptions = {}): HttpHandler[] {
  const ids = Object.keys(operations) as OperationId[];
  // A static segment before a parameter: /users/me must not be taken for /users/:id.
  const params = (id: OperationId) => (operations[id].path.match(/\{/g) ?? []).length;
  return ids.sort((a, b) => params(a) - params(b)).map((id) => respond(id, undefined, options));
}
