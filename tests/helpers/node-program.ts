// A program of a test's own in a Node process of its own (an ES module given with -e), with the
// V8 flags and NODE_OPTIONS the test chooses: how the tests see what the image's flags do to
// V8. It must write one JSON value to stdout and nothing to stderr, and exit 0.
import { spawnSync } from 'node:child_process';
import { expect } from '@jest/globals';

export function runNodeProgram<T>(nodeArgs: string[], program: string, nodeOptions: string): T {
  const child = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', program], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', NODE_OPTIONS: nodeOptions },
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as T;
}
