// The contract gate: the spec lints clean (Redocly, zero errors) and generated/ is exactly what
// `npm run generate` would write now. Fails, naming the stale files, otherwise.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { COPIES, generate } from './generate.ts';

const root = path.resolve(import.meta.dirname, '..');
const generatedDir = path.join(root, 'generated');

/** Redocly (recommended + our rules) on the sources, Spectral (OWASP) on the bundle. */
function lint(): boolean {
  const run = (name: string, args: string[]): boolean => {
    try {
      execFileSync(path.join(root, 'node_modules', '.bin', name), args, {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
      });
      return true;
    } catch {
      return false;
    }
  };
  const redocly = run('redocly', ['lint', '--format=stylish']);
  const spectral = run('spectral', [
    'lint',
    'generated/openapi.yaml',
    '--ruleset',
    '.spectral.yaml',
    '--fail-severity',
    'error',
    '--display-only-failures',
  ]);
  return redocly && spectral;
}

async function staleFiles(): Promise<string[]> {
  const fresh = mkdtempSync(path.join(tmpdir(), 'cfm-generated-'));
  try {
    await generate(fresh);
    const names = new Set([...readdirSync(fresh), ...readdirSync(generatedDir)]);
    const same = (a: string, b: string): boolean => {
      try {
        return readFileSync(a).equals(readFileSync(b));
      } catch {
        return false; // present on one side only
      }
    };
    return [
      ...[...names].filter((name) => !same(path.join(fresh, name), path.join(generatedDir, name))),
      ...COPIES.filter((c) => !same(path.join(fresh, c.from), c.to)).map((c) =>
        path.relative(root, c.to),
      ),
    ];
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

const lintOk = lint();
let stale: string[];
try {
  stale = await staleFiles();
} catch (error) {
  console.error(
    `The contract cannot be turned into generated/: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
if (stale.length > 0) {
  console.error(
    `generated/ is stale (${stale.join(', ')}): run \`npm run generate\` and commit it.`,
  );
}
if (!lintOk) console.error('The contract has lint errors (above).');
if (!lintOk || stale.length > 0) process.exit(1);
console.log('contract ok: lint clean, generated/ up to date');
