// Turns the hand-written contract in openapi/ into everything derived from it: the bundled
// document (YAML and JSON), the TypeScript types, the operation table and the offline
// reference page.
// Usage: node scripts/generate.ts [--out <dir>]   (default: generated/)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { examplesModule } from './lib/examples-table.ts';
import { operationsModule } from './lib/operation-table.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);

export async function generate(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const run = (name: string, args: string[]): void => {
    execFileSync(bin(name), args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
    });
  };
  const yamlOut = path.join(outDir, 'openapi.yaml');
  run('redocly', ['bundle', 'openapi/openapi.yaml', '-o', yamlOut]);
  run('redocly', ['bundle', 'openapi/openapi.yaml', '-o', path.join(outDir, 'openapi.json')]);
  // The programmatic API, because the CLI would read redocly.yaml and ask for its own keys there.
  const ast = await openapiTS(pathToFileURL(yamlOut), { rootTypes: true });
  const banner = '// Generated from openapi/ by `npm run generate`. Do not edit.\n\n';
  writeFileSync(path.join(outDir, 'api.d.ts'), banner + astToString(ast));
  const bundled = JSON.parse(readFileSync(path.join(outDir, 'openapi.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(path.join(outDir, 'operations.ts'), operationsModule(bundled));
  writeFileSync(path.join(outDir, 'examples.ts'), examplesModule(bundled));
  run('redocly', [
    'build-docs',
    yamlOut,
    '-o',
    path.join(outDir, 'docs.html'),
    '--inlineBundle',
    '--title',
    'API reference',
  ]);
}

/**
 * Files outside generated/ that must equal one inside it: the SDK package ships the contract's
 * types, its operation table (for the error codes) and its examples (for the MSW handlers)
 * itself, since it is published without generated/.
 */
export const COPIES = [
  { from: 'api.d.ts', to: path.join(root, 'sdk', 'src', 'schema.d.ts') },
  { from: 'operations.ts', to: path.join(root, 'sdk', 'src', 'operations.ts') },
  { from: 'examples.ts', to: path.join(root, 'sdk', 'src', 'examples.ts') },
];

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'generated' } } });
  const out = path.resolve(root, values.out);
  try {
    await generate(out);
  } catch (error) {
    // The operation table refuses a contract the edge cannot enforce: say what, not where in JS.
    console.error(`npm run generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (out === path.join(root, 'generated')) {
    for (const copy of COPIES) copyFileSync(path.join(out, copy.from), copy.to);
  }
  console.log(`generated/ written to ${values.out}`);
}
