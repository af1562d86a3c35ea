// The arrows of docs/ARCHITECTURE.md ("Layers") hold: the lint rules that state them fire on a
// wrong import and stay quiet on the right one, and the import graph of src/ (type-only imports
// included, which import-x's no-cycle skips) has no circle.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(import.meta.dirname, '../..');
// eslint.config.js is plain JavaScript (no declarations): the block the lint runs, as a value.
const configFile = path.join(root, 'eslint.config.js');
const { architecture } = (await import(configFile)) as { architecture: Linter.Config };
// Only the architecture rules, without type information: fast, and exactly what the lint runs.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ ...architecture, languageOptions: { parser: tseslint.parser } }],
});

/** The rule ids the lint reports for `code` placed at `file` (relative to the repository). */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the layer rules fire on a wrong import', () => {
  test.each([
    [
      'db/ importing a domain',
      'src/db/orm.ts',
      "import { User } from '../api/users/users.model.ts';",
    ],
    [
      'middleware importing auth internals',
      'src/middleware/operations.ts',
      "import { can } from '../api/auth/auth.permissions.ts';",
    ],
    [
      'a job importing the composition root',
      'src/jobs/handlers.ts',
      "import type { Services } from '../api/index.ts';",
    ],
    [
      'a job importing a repository',
      'src/jobs/order-confirmation.ts',
      "import type { OrdersRepository } from '../api/orders/orders.repository.ts';",
    ],
    [
      "a domain importing another domain's repository",
      'src/api/orders/orders.service.ts',
      "import { createProductsRepository } from '../products/products.repository.ts';",
    ],
    [
      'a domain importing the app',
      'src/api/system/index.ts',
      "import type { AppDeps } from '../../app.ts';",
    ],
    [
      'a domain importing job code',
      'src/api/orders/orders.service.ts',
      "import { registerJobHandlers } from '../../jobs/handlers.ts';",
    ],
    [
      "the app importing a domain's internals",
      'src/app.ts',
      "import { can } from './api/auth/auth.permissions.ts';",
    ],
    [
      'utilities importing the runtime',
      'src/utils/metrics.ts',
      "import type { Runtime } from '../runtime.ts';",
    ],
  ])('%s', async (_name, file, code) => {
    expect(await violations(file, `${code}\nexport {};\n`)).toContain(
      'import-x/no-restricted-paths',
    );
  });

  test('a value circle (replicas.ts importing orm.ts back)', async () => {
    const code = "import { createOrm } from './orm.ts';\nexport const open = createOrm;\n";
    expect(await violations('src/db/replicas.ts', code)).toContain('import-x/no-cycle');
  });
});

describe('the layer rules allow the right imports', () => {
  test.each([
    ['src/app.ts', "import { can, createHandlers } from './api/index.ts';"],
    [
      'src/jobs/handlers.ts',
      "import type { OrdersService } from '../api/orders/orders.service.ts';",
    ],
    [
      'src/api/orders/orders.service.ts',
      "import type { ProductsService } from '../products/products.service.ts';",
    ],
    ['src/api/orders/orders.service.ts', "import { JOBS } from '../../jobs/queue.ts';"],
    [
      'src/api/orders/orders.service.ts',
      "import type { OrdersRepository } from './orders.repository.ts';",
    ],
    ['src/api/index.ts', "import { createOrdersRepository } from './orders/orders.repository.ts';"],
    ['src/db/sql.ts', "import type { Logger } from '../utils/logger.ts';"],
  ])('%s: %s', async (file, code) => {
    expect(await violations(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});

/** Every relative import of every file under src/, type-only ones included. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.includes('migrations'))
    .map((f) => path.join(root, 'src', f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    // Every `from '…'` and `import '…'`, type-only ones included (the code is prettier-formatted).
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'([^']+)'/g)];
    graph.set(
      file,
      specifiers
        .map((match) => match[1]!)
        .filter((name) => name.startsWith('.'))
        .map((name) => path.resolve(path.dirname(file), name))
        .filter((target) => target.startsWith(path.join(root, 'src'))),
    );
  }
  return graph;
}

/** The circles of a graph: one path per strongly connected component with more than a node. */
export function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('the import graph of src/', () => {
  test('the circle finder finds a circle, type-only or not', () => {
    const graph = new Map([
      ['app.ts', ['system.ts']],
      ['system.ts', ['app.ts']],
      ['leaf.ts', []],
    ]);
    expect(circles(graph)).toEqual([['app.ts', 'system.ts', 'app.ts']]);
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  test('has no circle, counting type-only imports', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(50);
    const relative = circles(graph).map((c) => c.map((f) => path.relative(root, f)).join(' → '));
    expect(relative).toEqual([]);
  });
});
