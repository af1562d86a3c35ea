// Loaded into `prism mock` (NODE_OPTIONS=--import) by `npm run mock`: Prism reseeds its own
// generator from `--seed` for every response, but the faker behind the contract's `x-faker`
// hints keeps an unseeded generator of its own, so two runs would differ. This reseeds faker
// from the same seed before each generated response, so a dynamic response depends only on the
// seed and the schema, as Prism's own values do.
import { createRequire } from 'node:module';
import path from 'node:path';

const at = process.argv.indexOf('--seed');
const seed = at > 0 ? process.argv[at + 1] : undefined;
if (seed) {
  // Resolve both modules as Prism does, so the instances are Prism's own.
  const prismHttp = path.resolve(
    import.meta.dirname,
    '../../node_modules/@stoplight/prism-http/dist/index.js',
  );
  const require = createRequire(prismHttp);
  const { faker } = require('@faker-js/faker') as {
    faker: { seed(n: number): void; setDefaultRefDate(d: string): void };
  };
  // "Recent" dates are relative to this moment, not to today, so tomorrow's run is equal too.
  faker.setDefaultRefDate('2026-11-24T10:00:00.000Z');
  const { JSONSchemaFaker } = require('json-schema-faker') as {
    JSONSchemaFaker: { generate: (...args: unknown[]) => unknown };
  };
  let n = 0;
  for (const c of seed) n = (Math.imul(n, 31) + c.charCodeAt(0)) | 0;
  const generate = JSONSchemaFaker.generate.bind(JSONSchemaFaker);
  JSONSchemaFaker.generate = (...args: unknown[]) => {
    faker.seed(n);
    return generate(...args);
  };
}
