// Attributes a V8 CPU profile (.cpuprofile) of the API under load to the layers of the request
// path. Each sample goes to the layer of the innermost frame on its stack that belongs to a
// known module (ours under src/, or a package under node_modules); Node's own frames (node:…)
// and V8 builtins count for the layer that called them, so helmet's setHeader calls are helmet's
// and a pg socket read is pg's; except Node's writing of the response to the socket (in
// node:_http_outgoing), which every server pays whoever calls res.end. Samples with no such
// frame are Node's HTTP server and event loop (the part bare node:http pays too); "(garbage
// collector)" and "(program)" stay apart, idle samples are dropped. Used by scripts/bench.ts for the cost table of docs/BENCHMARKS.md.

export const LAYERS = [
  'request id + context (AsyncLocalStorage)',
  'load shedding',
  'access log (winston)',
  'metrics (prom-client)',
  'security headers (helmet)',
  'CORS',
  'body parsing',
  'contract validation (express-openapi-validator, Ajv)',
  'quota (rate-limiter-flexible)',
  'authentication',
  'operation adapter (dispatch, guards, input)',
  'handler + service (src/api)',
  'ORM (MikroORM)',
  'pg driver',
  'serialisation (res.json)',
  'Express (router, req/res helpers)',
  'error handler, 404',
  'other code of ours (src/)',
  'other packages',
  'Node HTTP server, sockets, event loop',
  'garbage collector',
  'V8 (program)',
] as const;
export type Layer = (typeof LAYERS)[number];

const PACKAGES: [Layer, string[]][] = [
  [
    'access log (winston)',
    [
      'winston',
      'winston-transport',
      'logform',
      'triple-beam',
      'safe-stable-stringify',
      'fecha',
      '@colors/colors',
      'readable-stream',
      'one-time',
      'stack-trace',
      '@dabh/diagnostics',
      'is-stream',
      'async',
      'fn.name',
      'kuler',
      'text-hex',
      'colorspace',
      'enabled',
    ],
  ],
  ['metrics (prom-client)', ['prom-client', 'tdigest', 'bintrees']],
  ['security headers (helmet)', ['helmet']],
  ['CORS', ['cors', 'vary', 'object-assign']],
  [
    'body parsing',
    [
      'body-parser',
      'raw-body',
      'type-is',
      'media-typer',
      'content-type',
      'iconv-lite',
      'bytes',
      'safer-buffer',
      'unpipe',
    ],
  ],
  [
    'contract validation (express-openapi-validator, Ajv)',
    [
      'express-openapi-validator',
      'ajv',
      'ajv-formats',
      'fast-uri',
      'fast-deep-equal',
      'json-schema-traverse',
      'lodash.clonedeep',
      'lodash.get',
      'lodash.uniq',
      'lodash.zipobject',
      'media-typer',
      '@apidevtools/json-schema-ref-parser',
      'multer',
    ],
  ],
  ['quota (rate-limiter-flexible)', ['rate-limiter-flexible']],
  [
    'authentication',
    [
      'jsonwebtoken',
      'jws',
      'jwa',
      'ecdsa-sig-formatter',
      'buffer-equal-constant-time',
      'lodash.includes',
      'lodash.isboolean',
      'lodash.isinteger',
      'lodash.isnumber',
      'lodash.isplainobject',
      'lodash.isstring',
      'lodash.once',
      'semver',
    ],
  ],
  ['operation adapter (dispatch, guards, input)', ['cookie']],
  [
    'ORM (MikroORM)',
    [
      '@mikro-orm/core',
      '@mikro-orm/knex',
      '@mikro-orm/postgresql',
      '@mikro-orm/sql',
      'kysely',
      'dataloader',
      'reflect-metadata',
      'mikro-orm',
      'globby',
      'dotenv',
      'esprima',
    ],
  ],
  [
    'pg driver',
    [
      'pg',
      'pg-pool',
      'pg-protocol',
      'pg-types',
      'pg-int8',
      'pg-connection-string',
      'postgres-array',
      'postgres-date',
      'postgres-interval',
      'postgres-bytea',
      'split2',
      'pgpass',
    ],
  ],
  [
    'Express (router, req/res helpers)',
    [
      'express',
      'router',
      'finalhandler',
      'parseurl',
      'qs',
      'encodeurl',
      'escape-html',
      'send',
      'statuses',
      'mime-types',
      'mime-db',
      'proxy-addr',
      'forwarded',
      'ipaddr.js',
      'accepts',
      'negotiator',
      'fresh',
      'range-parser',
      'cookie-signature',
      'etag',
      'depd',
      'merge-descriptors',
      'path-to-regexp',
      'debug',
      'ms',
      'safe-buffer',
      'content-disposition',
      'on-finished',
      'ee-first',
      'http-errors',
      'toidentifier',
      'inherits',
      'setprototypeof',
      'serve-static',
      'side-channel',
      'side-channel-list',
      'side-channel-map',
      'side-channel-weakmap',
      'get-intrinsic',
      'call-bound',
      'call-bind-apply-helpers',
      'function-bind',
      'hasown',
      'es-errors',
      'object-inspect',
      'dunder-proto',
      'get-proto',
      'gopd',
      'has-symbols',
      'math-intrinsics',
      'es-object-atoms',
      'es-define-property',
      'is-promise',
    ],
  ],
];
const BY_PACKAGE = new Map<string, Layer>();
for (const [layer, names] of PACKAGES) for (const name of names) BY_PACKAGE.set(name, layer);

const OURS: [RegExp, Layer][] = [
  [
    /\/(middleware\/request-id|utils\/request-context)\./,
    'request id + context (AsyncLocalStorage)',
  ],
  [/\/(middleware\/shed-load|utils\/pressure)\./, 'load shedding'],
  [/\/(middleware\/access-log|utils\/logger)\./, 'access log (winston)'],
  [/\/(middleware\/metrics|utils\/metrics)\./, 'metrics (prom-client)'],
  [/\/middleware\/security\./, 'CORS'],
  [/\/middleware\/body\./, 'body parsing'],
  [/\/middleware\/openapi-validator\./, 'contract validation (express-openapi-validator, Ajv)'],
  [/\/(middleware\/rate-limit|utils\/rate-limiter)\./, 'quota (rate-limiter-flexible)'],
  [/\/(middleware\/auth|utils\/revocations)\./, 'authentication'],
  [
    /\/(middleware\/operations|utils\/request-meta)\./,
    'operation adapter (dispatch, guards, input)',
  ],
  [/\/(middleware\/db-context|db\/)/, 'ORM (MikroORM)'],
  [/\/middleware\/error-handler\./, 'error handler, 404'],
  [/\/src\/api\//, 'handler + service (src/api)'],
  [/\/src\//, 'other code of ours (src/)'],
];

/** The layer of one stack frame, or undefined for Node's own frames and V8 builtins. */
export function layerOf(url: string, functionName: string): Layer | undefined {
  if (url.startsWith('node:internal/async_local_storage') || url === 'node:async_hooks')
    return 'request id + context (AsyncLocalStorage)';
  if (!url || url.startsWith('node:')) return undefined;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Anything nested under the validator's own node_modules is the validator's.
    if (url.includes('/node_modules/express-openapi-validator/'))
      return 'contract validation (express-openapi-validator, Ajv)';
    if (
      name === 'express' &&
      url.endsWith('/lib/response.js') &&
      /^(json|stringify)$/.test(functionName)
    )
      return 'serialisation (res.json)';
    return (
      BY_PACKAGE.get(name) ?? (name.startsWith('@mikro-orm/') ? 'ORM (MikroORM)' : 'other packages')
    );
  }
  // helmet's headers replayed from its one run at start-up (security.ts, ADR 0026).
  if (/\/middleware\/security\./.test(url) && functionName === 'replayHelmetHeaders')
    return 'security headers (helmet)';
  // The adapter's own JSON reply (sendJson), which stands in for res.json (ADR 0026).
  if (/\/middleware\/operations\./.test(url) && functionName === 'sendJson')
    return 'serialisation (res.json)';
  for (const [pattern, layer] of OURS) if (pattern.test(url)) return layer;
  return undefined;
}

/**
 * Node's writing of the response head and body to the socket: what any server pays (bare
 * node:http too), so it stays with Node's HTTP server whoever called res.end.
 */
function writesResponse(url: string, functionName: string): boolean {
  return (
    (url === 'node:_http_outgoing' &&
      /^(end|write|_send|_writeRaw|_storeHeader|_finish|writeHead)$/.test(functionName)) ||
    (url === 'node:_http_server' && functionName === 'writeHead')
  );
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Attribution {
  /** Busy (non-idle) samples per layer. */
  samples: Map<Layer, number>;
  busy: number;
  idle: number;
  /** Packages that fell into "other packages", by samples (to keep the map honest). */
  unmapped: Map<string, number>;
}

export function attribute(profile: CpuProfile): Attribution {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const layerOfNode = new Map<number, Layer>();
  /** The url of the frame that decided a node's layer. */
  const decidedBy = new Map<number, string>();
  const resolve = (id: number): Layer => {
    const known = layerOfNode.get(id);
    if (known) return known;
    const { functionName } = byId.get(id)!.callFrame;
    let layer: Layer | undefined;
    if (functionName === '(garbage collector)') layer = 'garbage collector';
    else if (functionName === '(program)') layer = 'V8 (program)';
    else {
      for (let at: number | undefined = id; at !== undefined && !layer; at = parent.get(at)) {
        const frame = byId.get(at)!.callFrame;
        layer = writesResponse(frame.url, frame.functionName)
          ? 'Node HTTP server, sockets, event loop'
          : layerOf(frame.url, frame.functionName);
        if (layer) decidedBy.set(id, frame.url);
      }
    }
    const result = layer ?? 'Node HTTP server, sockets, event loop';
    layerOfNode.set(id, result);
    return result;
  };
  const samples = new Map<Layer, number>();
  const unmapped = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  for (const id of profile.samples) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') {
      idle += 1;
      continue;
    }
    busy += 1;
    const layer = resolve(id);
    samples.set(layer, (samples.get(layer) ?? 0) + 1);
    if (layer === 'other packages') {
      const url = decidedBy.get(id) ?? '';
      const key = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? url;
      unmapped.set(key, (unmapped.get(key) ?? 0) + 1);
    }
  }
  return { samples, busy, idle, unmapped };
}
