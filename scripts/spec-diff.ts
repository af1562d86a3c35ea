// Compares the contract with the last released one (openapi/releases/v<version>.yaml) using
// `redocly diff`, which rates every change by the semver bump it needs. A breaking (major)
// change fails unless info.version moved to a new major; new optional fields and endpoints pass.
//   npm run spec:diff                 compare generated/openapi.yaml with the latest release
//   npm run spec:release              freeze the current contract as a release (after a version bump)
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
export const RELEASES = path.join(root, 'openapi', 'releases');
const IMPACTS = ['none', 'patch', 'minor', 'major'] as const;
type Impact = (typeof IMPACTS)[number];

interface Change {
  kind: string;
  impact: string;
  path: string;
  property?: string;
  base?: { value?: unknown };
  revision?: { value?: unknown };
}

/**
 * redocly diff is experimental and rates some breaking changes as patches (a renamed response
 * field, a response field no longer required). These rules raise them to major; nothing lowers.
 */
function breaking(c: Change): boolean {
  const inResponse = c.path.includes('/responses/');
  const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
  if (c.kind === 'removed') {
    // Gone: a path, an operation, a success response, or a field clients read. A documented
    // error response that can no longer happen breaks nobody.
    return (
      /^#\/paths\/[^/]+(\/(get|post|put|patch|delete))?$/.test(c.path) ||
      /\/responses\/2\d\d$/.test(c.path) ||
      (inResponse && /\/properties\/[^/]+$/.test(c.path))
    );
  }
  if (c.property === 'key' && inResponse && c.base?.value !== c.revision?.value) return true;
  if (c.property === 'required') {
    const before = list(c.base?.value);
    const after = list(c.revision?.value);
    // Responses may not drop a guarantee; requests may not demand more.
    return inResponse
      ? before.some((r) => !after.includes(r))
      : after.some((r) => !before.includes(r));
  }
  return false;
}

export interface DiffResult {
  impact: Impact;
  baseVersion: string;
  revisionVersion: string;
  allowed: boolean;
  changes: Change[];
}

const major = (version: string): number => Number(version.split('.')[0]);

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export function latestRelease(dir = RELEASES): string | undefined {
  const versions = readdirSync(dir)
    .map((f) => /^v(\d+\.\d+\.\d+)\.(yaml|json)$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => compareVersions(a[1] ?? '', b[1] ?? ''));
  const last = versions.at(-1);
  return last ? path.join(dir, last[0]) : undefined;
}

export function specDiff(base: string, revision: string): DiffResult {
  const out = execFileSync(
    path.join(root, 'node_modules', '.bin', 'redocly'),
    ['diff', base, revision, '--format', 'json', '--fail-on', 'none'],
    {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  ).toString();
  const report = JSON.parse(out) as {
    infoVersions: { base: string; revision: string };
    changes?: Change[];
  };
  const changes = (report.changes ?? []).map((c) => (breaking(c) ? { ...c, impact: 'major' } : c));
  const rank = (i: string): number => Math.max(0, IMPACTS.indexOf(i as Impact));
  const impact: Impact = IMPACTS[Math.max(0, ...changes.map((c) => rank(c.impact)))] ?? 'none';
  const { base: baseVersion, revision: revisionVersion } = report.infoVersions;
  return {
    impact,
    baseVersion,
    revisionVersion,
    allowed: impact !== 'major' || major(revisionVersion) > major(baseVersion),
    changes,
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { release: { type: 'boolean', default: false } } });
  const current = path.join(root, 'generated', 'openapi.yaml');
  if (values.release) {
    const version = /^\s*version:\s*['"]?([\d.]+)/m.exec(readFileSync(current, 'utf8'))?.[1];
    const target = path.join(RELEASES, `v${version}.yaml`);
    if (!version || existsSync(target)) {
      console.error(
        `cannot release: ${version ? `${target} exists; bump info.version first` : 'no info.version'}`,
      );
      process.exit(1);
    }
    copyFileSync(current, target);
    console.log(`released the contract as ${path.relative(root, target)}`);
  } else {
    const base = latestRelease();
    if (!base) {
      console.log('no released contract yet: nothing to compare');
      process.exit(0);
    }
    const result = specDiff(base, current);
    for (const c of result.changes)
      console.log(`${c.impact.padEnd(5)} ${c.kind.padEnd(8)} ${c.path}`);
    console.log(
      `contract ${result.baseVersion} → ${result.revisionVersion}: ${result.impact === 'none' ? 'no changes' : `${result.impact} changes`}`,
    );
    if (!result.allowed) {
      console.error('Breaking changes need a new major version (info.version), or must be undone.');
      process.exit(1);
    }
  }
}
