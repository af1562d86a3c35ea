// QA coverage: which operations of the contract, and which of their documented statuses, the
// Arazzo workflows reached in their last run (respect's JSON reports under coverage/qa/<mode>/,
// written by `npm run qa:live` or `npm run qa:mock`). Counts what was sent and answered, not
// what the workflow files name. Fails if an operation was never called (CI requires all).
//   npm run qa:coverage [-- --mode mock] [-- --allow-unreached]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { byTemplate, contractOperations, matchOperation } from './lib/contract-paths.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'live' },
    'allow-unreached': { type: 'boolean', default: false },
  },
});

interface Step {
  request?: { method: string; url: string };
  response?: { statusCode: number };
  executedSteps?: Step[];
}
interface Report {
  files: Record<string, { executedWorkflows: Step[] }>;
}
const steps = (list: Step[]): Step[] =>
  list.flatMap((s) => (s.executedSteps ? steps(s.executedSteps) : [s]));

const dir = path.join(root, 'coverage', 'qa', values.mode);
if (!existsSync(dir)) {
  console.error(
    `no respect reports in ${path.relative(root, dir)}: run \`npm run qa:${values.mode}\` first`,
  );
  process.exit(1);
}
const operations = contractOperations(root);
const reached = new Map(operations.map((op) => [op, new Set<string>()]));
let requests = 0;
let outside = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Report;
  for (const { executedWorkflows } of Object.values(report.files)) {
    for (const step of steps(executedWorkflows)) {
      if (!step.request || !step.response) continue;
      requests += 1;
      const op = matchOperation(
        operations,
        step.request.method,
        new URL(step.request.url).pathname,
      );
      // The QA mailbox and anything else outside the contract.
      if (!op) outside += 1;
      else reached.get(op)?.add(String(step.response.statusCode));
    }
  }
}

const sorted = [...operations].sort(byTemplate);
const unreached = sorted.filter((op) => reached.get(op)?.size === 0);
let statuses = 0;
let statusesReached = 0;
console.log(`QA coverage (${values.mode}): operation, documented statuses ([x] reached)`);
for (const op of sorted) {
  const got = reached.get(op) ?? new Set();
  statuses += op.statuses.length;
  statusesReached += op.statuses.filter((s) => got.has(s)).length;
  const marks = op.statuses.map((s) => (got.has(s) ? `[${s}]` : ` ${s} `)).join('');
  console.log(
    `  ${got.size ? '✓' : '✗'} ${op.method.padEnd(6)} ${op.template.padEnd(36)} ${marks}`,
  );
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '100.0');
console.log(
  `operations reached: ${operations.length - unreached.length}/${operations.length} (${pct(operations.length - unreached.length, operations.length)} %); ` +
    `documented statuses reached: ${statusesReached}/${statuses} (${pct(statusesReached, statuses)} %); ` +
    `${requests} requests (${outside} outside the contract)`,
);
if (unreached.length && !values['allow-unreached']) {
  console.error(
    `not reached by any workflow:\n  ${unreached.map((o) => `${o.method} ${o.template} (${o.id})`).join('\n  ')}`,
  );
  process.exit(1);
}
