// In-process CPU per request of two pieces of the edge (docs/adr/0019-a-cheaper-edge.md), for
// comparing a change with the tree before it (run it on each, alternating): the contract
// validator's chain as app.ts mounts it (openApiValidator), driven with a GET on Express's own
// req/res prototypes, and the access log's line (requestLine against winston's format
// chain for the same fields, without the write). No server, no database; a few seconds.
// Usage: npm run bench:edge [-- --calls 20000 --rounds 4]
import { parseArgs } from 'node:util';
import express from 'express';
import { openApiValidator, openApiValidatorReady } from '../src/middleware/openapi-validator.ts';
import { loadContract } from '../src/utils/contract.ts';
import * as logging from '../src/utils/logger.ts';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '4' },
  },
});
const calls = Number(values.calls);
const rounds = Number(values.rounds);

const contract = loadContract();
const app = express();
const chain = openApiValidator(contract, false);
await openApiValidatorReady(contract);

/** One request through the chain; resolves with the route it was matched to. */
function through(path: string): Promise<unknown> {
  const req = Object.assign(Object.create(app.request) as object, {
    app,
    method: 'GET',
    url: path,
    originalUrl: path,
    headers: { host: 'localhost', accept: '*/*' },
    params: {},
    baseUrl: '',
  });
  const res = Object.assign(Object.create(app.response) as object, { app, req, locals: {} });
  return new Promise((resolve, reject) => {
    let i = 0;
    const next = (error?: unknown): void => {
      if (error)
        return reject(error instanceof Error ? error : new Error('the chain passed a non-Error'));
      const handler = chain[i++];
      if (!handler) {
        resolve((req as { openapi?: { openApiRoute?: string } }).openapi?.openApiRoute);
        return;
      }
      try {
        const result = handler(req as never, res as never, next);
        if (result instanceof Promise) result.catch(next);
      } catch (e) {
        next(e);
      }
    };
    next();
  });
}

async function measure(label: string, once: () => unknown): Promise<void> {
  const figures: string[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = process.cpuUsage();
    for (let i = 0; i < calls; i += 1) await once();
    const used = process.cpuUsage(started);
    figures.push(((used.user + used.system) / calls).toFixed(2));
  }
  console.log(`${label}: ${figures.join(' / ')} µs per call (rounds of ${calls})`);
}

for (const path of ['/health', '/api/v1/products/0f8fad5b-d9cb-469f-a165-70867728950e']) {
  const route = await through(path);
  if (route === undefined) throw new Error(`${path} was not matched`);
  await measure(`validator chain, GET ${path}`, () => through(path));
}

const logger = logging.createLogger({ level: 'info' });
// Absent in a tree before the access log's own line (then only winston's chain is measured).
const { requestLine } = logging as Partial<typeof logging>;
const LEVEL = Symbol.for('level');
const fields = () => ({
  requestId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  method: 'GET',
  path: '/api/v1/products/0f8fad5b-d9cb-469f-a165-70867728950e',
  status: 200,
  durationMs: 1.23,
  ip: '127.0.0.1',
});
await measure("access line, winston's format chain", () =>
  logger.format.transform(
    { service: 'api', ...fields(), level: 'info', message: 'request', [LEVEL]: 'info' },
    {},
  ),
);
if (requestLine) await measure('access line, requestLine', () => requestLine('api', fields()));
console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
