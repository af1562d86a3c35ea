// What the release workflow checks before it builds anything (scripts/release.ts): the tag, the
// three version fields and the frozen contract agree, and CHANGELOG.md has the release's notes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { changelogSection, releaseProblems, versionOfTag } from '../scripts/release.ts';

const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.1.0] - 2026-12-01

### Added

- Orders can be cancelled.

## [1.0.0] - 2026-11-01

- First release.

[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0
`;

/** A copy of the files a release reads, with every version set to `version`, released as such. */
function releasable(version: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfm-release-'));
  dirs.push(dir);
  for (const file of ['package.json', 'sdk/package.json', 'generated/openapi.json']) {
    const json = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
    const next = file.startsWith('generated')
      ? { ...json, info: { ...(json.info as object), version } }
      : { ...json, version };
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), JSON.stringify(next));
  }
  cpSync(path.join(root, 'generated/openapi.yaml'), path.join(dir, 'generated/openapi.yaml'));
  mkdirSync(path.join(dir, 'openapi/releases'), { recursive: true });
  cpSync(
    path.join(root, 'generated/openapi.yaml'),
    path.join(dir, `openapi/releases/v${version}.yaml`),
  );
  writeFileSync(path.join(dir, 'CHANGELOG.md'), CHANGELOG);
  return dir;
}

describe('release notes from CHANGELOG.md', () => {
  test('the section of the version, up to the next one', () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toBe('### Added\n\n- Orders can be cancelled.');
    expect(changelogSection(CHANGELOG, '1.0.0')).toBe('- First release.');
  });

  test('no section, an empty one, or a prefix of another version gives none', () => {
    expect(changelogSection(CHANGELOG, '2.0.0')).toBeUndefined();
    expect(changelogSection(CHANGELOG, 'Unreleased')).toBeUndefined();
    expect(changelogSection(CHANGELOG, '1.1')).toBeUndefined();
  });

  test('tags are v<major>.<minor>.<patch>', () => {
    expect(versionOfTag('v1.2.3')).toBe('1.2.3');
    expect(() => versionOfTag('1.2.3')).toThrow(/not a release tag/);
    expect(() => versionOfTag('v1.2')).toThrow(/not a release tag/);
  });
});

describe('release:check', () => {
  test('a tree whose versions, frozen contract and CHANGELOG agree with the tag passes', () => {
    expect(releaseProblems(releasable('1.1.0'), 'v1.1.0')).toEqual([]);
  });

  test('each disagreement is named', () => {
    const dir = releasable('1.1.0');
    const sdk = JSON.parse(readFileSync(path.join(dir, 'sdk/package.json'), 'utf8')) as object;
    writeFileSync(path.join(dir, 'sdk/package.json'), JSON.stringify({ ...sdk, version: '1.0.0' }));
    writeFileSync(path.join(dir, 'generated/openapi.yaml'), 'openapi: 3.1.0\n');
    expect(releaseProblems(dir, 'v1.1.0')).toEqual([
      'sdk/package.json says 1.0.0, the tag 1.1.0',
      'openapi/releases/v1.1.0.yaml differs from generated/openapi.yaml: the released contract moved',
    ]);
    expect(releaseProblems(dir, 'v2.0.0')).toEqual([
      'package.json says 1.1.0, the tag 2.0.0',
      'sdk/package.json says 1.0.0, the tag 2.0.0',
      "the contract's info.version (generated/openapi.json) says 1.1.0, the tag 2.0.0",
      'openapi/releases/v2.0.0.yaml is missing: run npm run spec:release before tagging',
      'CHANGELOG.md has no "## [2.0.0]" section: move "Unreleased" under it',
    ]);
  });
});
