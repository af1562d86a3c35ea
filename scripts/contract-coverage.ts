// Contract coverage: for every operation of the contract and every status it documents, whether
// some test got that answer from the real server (recorded by tests/helpers/app.ts during
// `npm test` into coverage/contract/). Prints what is missing and the share covered. Also fails
// when any error response of the whole run carried a code the contract does not document for
// its operation and status (or, for a request that matched no operation, for that status).
//   npm run contract:coverage [-- --min 90]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  anyOperationStatuses,
  operations as table,
  sharedErrorCodes,
} from '../generated/operations.ts';
import {
  byTemplate,
  contractOperations,
  matchOperation,
  type ContractOperation,
} from './lib/contract-paths.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { min: { type: 'string', default: '0' } } });

interface Operation extends ContractOperation {
  hits: Map<string, boolean>;
}
const operations: Operation[] = contractOperations(root).map((op) => ({
  ...op,
  hits: new Map(op.statuses.map((s) => [s, false])),
}));

const dir = path.join(root, 'coverage', 'contract');
if (!existsSync(dir)) {
  console.error('no recorded requests: run `npm test` first');
  process.exit(1);
}
/** An operation's own codes for a status it lists; else those any request may get for it. */
const documentedCodes = (id: string | undefined, status: string): readonly string[] => {
  const rows = table as unknown as Record<string, { errorCodes: Record<string, string[]> }>;
  const own = id ? rows[id]?.errorCodes[status] : undefined;
  if (own) return own;
  const shared = (sharedErrorCodes as Record<string, readonly string[]>)[status] ?? [];
  if (!id) return shared; // matched no operation: an unknown path or method
  return (anyOperationStatuses as readonly number[]).includes(Number(status)) ? shared : [];
};
const undocumented = new Map<string, number>();
let requests = 0;
for (const file of readdirSync(dir)) {
  for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as { method: string; path: string; status: number; code?: string };
    requests += 1;
    const method = r.method === 'HEAD' ? 'GET' : r.method;
    const op = matchOperation(operations, r.method, r.path) as Operation | undefined;
    const key = String(r.status);
    if (op?.hits.has(key)) op.hits.set(key, true);
    // A HEAD answer has no body, so no code to check.
    const checked = r.status >= 400 && r.method !== 'HEAD';
    if (checked && !documentedCodes(op?.id, key).includes(r.code ?? '(none)')) {
      const where = `${method.padEnd(6)} ${op?.template ?? r.path} ${key} ${r.code ?? '(none)'}`;
      undocumented.set(where, (undocumented.get(where) ?? 0) + 1);
    }
  }
}

let total = 0;
let covered = 0;
const missing: string[] = [];
for (const op of [...operations].sort(byTemplate)) {
  for (const [status, hit] of op.hits) {
    total += 1;
    if (hit) covered += 1;
    else missing.push(`${op.method.padEnd(6)} ${op.template} ${status}`);
  }
}
const share = total ? (100 * covered) / total : 100;
console.log(
  `contract coverage: ${covered}/${total} operation×status pairs (${share.toFixed(1)} %) from ${requests} recorded requests`,
);
if (missing.length) console.log(`not exercised by any test:\n  ${missing.join('\n  ')}`);
if (undocumented.size > 0) {
  console.error(
    `error codes the contract does not document for their operation and status:\n  ${[
      ...undocumented,
    ]
      .map(([where, n]) => `${where} (${n}×)`)
      .join('\n  ')}`,
  );
  process.exitCode = 1;
} else {
  console.log('every error code seen is documented for its operation and status');
}
if (share < Number(values.min)) {
  console.error(`below the required ${values.min} %`);
  process.exit(1);
}
