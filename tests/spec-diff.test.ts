// The contract's compatibility gate: renaming a response field is a breaking change that fails
// unless the major version moves; a new optional field passes. Runs the real `redocly diff` on
// edited copies of the bundled contract.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { latestRelease, specDiff } from '../scripts/spec-diff.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cfm-spec-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Doc = {
  info: { version: string };
  components: {
    schemas: Record<
      string,
      { properties: Record<string, { properties: Record<string, unknown>; required: string[] }> }
    >;
  };
};
const base = path.join(dir, 'base.json');
writeFileSync(base, readFileSync('generated/openapi.json'));
const load = (): Doc => JSON.parse(readFileSync(base, 'utf8')) as Doc;

function revision(name: string, edit: (doc: Doc) => void): string {
  const doc = load();
  edit(doc);
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

const health = (doc: Doc) => doc.components.schemas['Health']?.properties['data'];

describe('spec:diff', () => {
  test('there is a released contract to compare with', () => {
    expect(latestRelease()).toMatch(/openapi\/releases\/v\d+\.\d+\.\d+\.yaml$/);
  });

  test('an unchanged contract passes', () => {
    expect(specDiff(base, base)).toEqual(
      expect.objectContaining({ impact: 'none', allowed: true }),
    );
  });

  test('renaming a response field is major and fails, unless the major version moves', () => {
    const rename = (doc: Doc) => {
      const data = health(doc);
      if (!data) throw new Error('no Health schema');
      data.properties['uptimeSecs'] = data.properties['uptimeSeconds'];
      delete data.properties['uptimeSeconds'];
      data.required = data.required.map((r) => (r === 'uptimeSeconds' ? 'uptimeSecs' : r));
    };
    expect(specDiff(base, revision('renamed', rename))).toEqual(
      expect.objectContaining({ impact: 'major', allowed: false }),
    );
    const bumped = revision('renamed-v1', (doc) => {
      rename(doc);
      doc.info.version = '1.0.0';
    });
    expect(specDiff(base, bumped)).toEqual(
      expect.objectContaining({ impact: 'major', allowed: true }),
    );
  });

  test('a new optional response field passes', () => {
    const added = revision('added', (doc) => {
      const data = health(doc);
      if (!data) throw new Error('no Health schema');
      data.properties['bootId'] = { type: 'string' };
    });
    const result = specDiff(base, added);
    expect(result.allowed).toBe(true);
    expect(result.impact).not.toBe('major');
  });
});
