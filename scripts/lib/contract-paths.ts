// The operations of the bundled contract (generated/openapi.json) with a matcher from a request's
// method and path to its operation: what the coverage scripts (tests and QA workflows) count by.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ContractOperation {
  id: string;
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  /** The statuses the operation documents, as the contract writes them ('200', '404', …). */
  statuses: string[];
}

type Doc = {
  paths: Record<
    string,
    Record<string, { operationId?: string; responses?: Record<string, unknown> }>
  >;
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function contractOperations(root: string): ContractOperation[] {
  const file = path.join(root, 'generated', 'openapi.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Doc;
  const operations: ContractOperation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const source = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\{[^}]+\\}|\{[^}]+\}/g, '[^/]+');
      operations.push({
        id: op.operationId ?? `${method} ${template}`,
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        params: (template.match(/\{/g) ?? []).length,
        statuses: Object.keys(op.responses ?? {}),
      });
    }
  }
  // A static segment wins over a parameter (/users/me before /users/{id}).
  return operations.sort((a, b) => a.params - b.params);
}

/** The operation a request went to (HEAD counts as GET), if the contract has one. */
export function matchOperation(
  operations: ContractOperation[],
  method: string,
  pathname: string,
): ContractOperation | undefined {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return operations.find((o) => o.method === m && o.pattern.test(pathname));
}

/** For printing: by path, then method. */
export function byTemplate(a: ContractOperation, b: ContractOperation): number {
  return a.template.localeCompare(b.template) || a.method.localeCompare(b.method);
}
