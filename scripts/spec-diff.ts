// The contract's compatibility gate. Compares the contract with the last released one
// (openapi/releases/v<version>.yaml) operation by operation with our own rules
// (scripts/lib/spec-compat.ts), and prints what `redocly diff` with its diff-recommended rules
// says beside it. A breaking change fails unless info.version moved to a new major, or reviewers
// accepted it in openapi/releases/v<version>/accepted-breaks.yaml (ADR 0009).
//   npm run spec:diff                 the verdict, one line per finding
//   npm run spec:changelog            the same changes as Markdown, grouped by operation
//   npm run spec:release              freeze the contract as a release (after a version bump),
//                                     with its workflows, and write its API section to CHANGELOG.md
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { changelogMarkdown, withChangelogSection } from './lib/spec-changelog.ts';
import { compareContracts, type Finding } from './lib/spec-compat.ts';

const root = path.resolve(import.meta.dirname, '..');
export const RELEASES = path.join(root, 'openapi', 'releases');
const IMPACTS = ['none', 'patch', 'minor', 'major'] as const;
type Impact = (typeof IMPACTS)[number];
type Json = Record<string, unknown>;

/** A breaking change reviewers let through without a new major, and why. */
export interface AcceptedBreak {
  rule: string;
  operations: string[];
  /** A piece of the finding's message, so one entry accepts exactly the change it names. */
  match: string;
  reason: string;
}

/** What redocly's diff-recommended rules said about one change. */
export interface RedoclyVerdict {
  ruleId: string;
  impact: string;
  message: string;
  pointer: string;
}

export interface DiffResult {
  impact: Impact;
  baseVersion: string;
  revisionVersion: string;
  allowed: boolean;
  findings: Finding[];
  /** Breaking findings an accepted-breaks entry covers (not counted as breaking). */
  accepted: Finding[];
  /** Breaking findings that block unless the major version moves. */
  breaking: Finding[];
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

/** openapi/releases/v0.1.0.yaml → openapi/releases/v0.1.0/ (its workflows, accepted breaks). */
export const releaseDir = (releaseFile: string): string =>
  releaseFile.replace(/\.(yaml|json)$/, '');

export function acceptedBreaks(releaseFile: string): AcceptedBreak[] {
  const file = path.join(releaseDir(releaseFile), 'accepted-breaks.yaml');
  if (!existsSync(file)) return [];
  const entries = (parse(readFileSync(file, 'utf8')) ?? []) as AcceptedBreak[];
  for (const e of entries)
    if (!e.rule || !e.match || !e.reason || !Array.isArray(e.operations))
      throw new Error(`${file}: each entry needs rule, operations, match and reason`);
  return entries;
}

const operationIdOf = (label: string): string => /\(([^)]+)\)$/.exec(label)?.[1] ?? label;

/** The verdict over two parsed documents: our rules, the accepted breaks and the versions. */
export function judge(base: Json, revision: Json, accepted: AcceptedBreak[] = []): DiffResult {
  const findings = compareContracts(base, revision);
  const acceptance = (f: Finding) =>
    accepted.find(
      (a) =>
        a.rule === f.rule &&
        a.operations.includes(operationIdOf(f.operation)) &&
        f.message.includes(a.match),
    );
  const covers = (f: Finding): boolean => {
    const entry = f.level === 'breaking' ? acceptance(f) : undefined;
    if (entry) f.reason = entry.reason.trim();
    return entry !== undefined;
  };
  const breaking = findings.filter((f) => f.level === 'breaking' && !covers(f));
  const acceptedFindings = findings.filter((f) => f.level === 'breaking' && covers(f));
  const rank: Record<Finding['level'], Impact> = {
    breaking: 'major',
    addition: 'minor',
    deprecated: 'minor',
    warning: 'patch',
    change: 'patch',
  };
  const impacts = findings
    .filter((f) => !acceptedFindings.includes(f))
    .map((f) => IMPACTS.indexOf(rank[f.level]));
  const impact = IMPACTS[Math.max(0, ...impacts, acceptedFindings.length > 0 ? 1 : 0)] ?? 'none';
  const version = (doc: Json): string => {
    const v = (doc['info'] as Json | undefined)?.['version'];
    return typeof v === 'string' ? v : '0.0.0';
  };
  const [baseVersion, revisionVersion] = [version(base), version(revision)];
  return {
    impact,
    baseVersion,
    revisionVersion,
    allowed: breaking.length === 0 || major(revisionVersion) > major(baseVersion),
    findings,
    accepted: acceptedFindings,
    breaking,
  };
}

const load = (file: string): Json => parse(readFileSync(file, 'utf8')) as Json;

/** The gate over two files (bundled contracts), with the accepted breaks of `base`'s release. */
export function specDiff(base: string, revision: string): DiffResult {
  return judge(load(base), load(revision), acceptedBreaks(base));
}

/**
 * `redocly diff` with diff-recommended on (redocly.yaml). Its verdicts are printed, never
 * blocking: it matches parameters by position (a parameter inserted before another reads as a
 * rename) and rates a change the same in a request and in a response (ADR 0009).
 */
export function redoclyDiff(base: string, revision: string): RedoclyVerdict[] {
  const out = execFileSync(
    path.join(root, 'node_modules', '.bin', 'redocly'),
    ['diff', base, revision, '--format', 'json', '--fail-on', 'none'],
    {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
      // Its warnings (such as "No diff rules are on") reach the reviewer.
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  ).toString();
  const report = JSON.parse(out) as {
    changes?: {
      verdicts?: {
        ruleId: string;
        impact: string;
        message: string;
        location?: { pointer?: string };
      }[];
    }[];
  };
  return (report.changes ?? []).flatMap((c) =>
    (c.verdicts ?? []).map((v) => ({
      ruleId: v.ruleId,
      impact: v.impact,
      message: v.message,
      pointer: v.location?.pointer ?? '',
    })),
  );
}

function printVerdict(result: DiffResult, redocly: RedoclyVerdict[]): void {
  const shown = result.findings.filter((f) => f.level !== 'change' && f.level !== 'addition');
  for (const f of shown) {
    const tag = result.accepted.includes(f) ? 'accepted' : f.level;
    console.log(`${tag.padEnd(10)} ${f.operation}: ${f.message} [${f.rule}]`);
  }
  const additions = result.findings.filter((f) => f.level === 'addition').length;
  const other = result.findings.filter((f) => f.level === 'change').length;
  console.log(
    `${additions} additions and ${other} compatible changes (npm run spec:changelog lists them)`,
  );
  console.log(`\nredocly diff (diff-recommended), for review: ${redocly.length} verdicts`);
  for (const v of redocly.filter((v) => v.impact === 'major'))
    console.log(`  ${v.impact} ${v.ruleId}: ${v.message} (${v.pointer})`);
  console.log(
    `\ncontract ${result.baseVersion} → ${result.revisionVersion}: ${result.impact === 'none' ? 'no changes' : `${result.impact} changes`}` +
      `, ${result.breaking.length} breaking, ${result.accepted.length} accepted`,
  );
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      release: { type: 'boolean', default: false },
      changelog: { type: 'boolean', default: false },
    },
  });
  const current = path.join(root, 'generated', 'openapi.yaml');
  const base = latestRelease();
  if (values.release) {
    const version = /^\s*version:\s*['"]?([\d.]+)/m.exec(readFileSync(current, 'utf8'))?.[1];
    const target = path.join(RELEASES, `v${version}.yaml`);
    if (!version || existsSync(target)) {
      console.error(
        `cannot release: ${version ? `${target} exists; bump info.version first` : 'no info.version'}`,
      );
      process.exit(1);
    }
    const changelog = base
      ? changelogMarkdown(specDiff(base, current), { heading: '###' })
      : undefined;
    copyFileSync(current, target);
    // The workflows old clients run, replayed by qa:compat against every later contract.
    const workflows = path.join(releaseDir(target), 'workflows');
    mkdirSync(workflows, { recursive: true });
    cpSync(path.join(root, 'openapi', 'workflows'), workflows, { recursive: true });
    console.log(`released the contract as ${path.relative(root, target)} with its workflows`);
    if (changelog) {
      const file = path.join(root, 'CHANGELOG.md');
      writeFileSync(file, withChangelogSection(readFileSync(file, 'utf8'), version, changelog));
      console.log('wrote its API section under [Unreleased] in CHANGELOG.md');
    }
  } else if (!base) {
    console.log('no released contract yet: nothing to compare');
  } else if (values.changelog) {
    console.log(changelogMarkdown(specDiff(base, current)));
  } else {
    const result = specDiff(base, current);
    printVerdict(result, redoclyDiff(base, current));
    if (!result.allowed) {
      console.error(
        'Breaking changes need a new major version (info.version), or must be undone, or accepted with a reason in ' +
          path.relative(root, path.join(releaseDir(base), 'accepted-breaks.yaml')),
      );
      process.exit(1);
    }
  }
}
