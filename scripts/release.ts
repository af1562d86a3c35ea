// What the release workflow checks before it builds anything, and the release notes it publishes.
//   npm run -s release:check -- --tag v1.2.0   the tag, package.json, sdk/package.json and the
//                                              contract's info.version agree; the contract is
//                                              frozen as openapi/releases/v1.2.0.yaml and is the
//                                              one in generated/; CHANGELOG.md has "## [1.2.0]"
//   npm run -s release:notes -- --tag v1.2.0   prints that CHANGELOG section (the release notes)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEMVER = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

/** The version a release tag names ("v1.2.0" → "1.2.0"), or an error. */
export function versionOfTag(tag: string): string {
  const version = SEMVER.exec(tag)?.[1];
  if (!version) throw new Error(`"${tag}" is not a release tag (v<major>.<minor>.<patch>)`);
  return version;
}

/**
 * The body of the CHANGELOG section "## [version]" (Keep a Changelog), up to the next "## "
 * heading or link reference, trimmed; undefined when there is no such section or it is empty.
 */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n');
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = lines.findIndex((l) => new RegExp(`^## \\[${escaped}\\]`).test(l));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^## /.test(l) || /^\[[^\]]+\]:\s/.test(l));
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  return body === '' ? undefined : body;
}

const readJson = (root: string, file: string) =>
  JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

/** Every reason the tree at `root` cannot be released as `tag`; empty when it can. */
export function releaseProblems(root: string, tag: string): string[] {
  const version = versionOfTag(tag);
  const problems: string[] = [];
  const versions = {
    'package.json': readJson(root, 'package.json').version,
    'sdk/package.json': readJson(root, 'sdk/package.json').version,
    "the contract's info.version (generated/openapi.json)": (
      readJson(root, 'generated/openapi.json').info as { version?: string }
    ).version,
  };
  for (const [where, found] of Object.entries(versions)) {
    if (found !== version) problems.push(`${where} says ${String(found)}, the tag ${version}`);
  }
  const frozen = path.join('openapi', 'releases', `v${version}.yaml`);
  if (!existsSync(path.join(root, frozen))) {
    problems.push(`${frozen} is missing: run npm run spec:release before tagging`);
  } else if (
    readFileSync(path.join(root, frozen), 'utf8') !==
    readFileSync(path.join(root, 'generated', 'openapi.yaml'), 'utf8')
  ) {
    problems.push(`${frozen} differs from generated/openapi.yaml: the released contract moved`);
  }
  if (!changelogSection(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version)) {
    problems.push(`CHANGELOG.md has no "## [${version}]" section: move "Unreleased" under it`);
  }
  return problems;
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { tag: { type: 'string' } },
  });
  try {
    const tag = values.tag ?? '';
    if (positionals[0] === 'check') {
      const problems = releaseProblems(ROOT, tag);
      for (const p of problems) console.error(`release: ${p}`);
      if (problems.length > 0) process.exit(1);
      console.log(`release: ${tag} is consistent (versions, frozen contract, CHANGELOG)`);
    } else if (positionals[0] === 'notes') {
      const version = versionOfTag(tag);
      const notes = changelogSection(
        readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'),
        version,
      );
      if (!notes) throw new Error(`CHANGELOG.md has no "## [${version}]" section`);
      console.log(notes);
    } else {
      throw new Error('usage: release.ts check|notes --tag v<version>');
    }
  } catch (error) {
    console.error(`release: ${(error as Error).message}`);
    process.exit(1);
  }
}
