// How production starts the API, for the benchmarks that measure it "as it runs in production":
// the image's NODE_OPTIONS (V8's sizing, docs/BENCHMARKS.md "Memory"), read from the Dockerfile,
// which is where production sets them, so that no benchmark carries a twin of the value.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The NODE_OPTIONS the Dockerfile's runtime image sets, or '' if it sets none. */
export function imageNodeOptions(root: string): string {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const match = /\bNODE_OPTIONS=(?:"([^"]*)"|(\S+))/.exec(runtime);
  return (match?.[1] ?? match?.[2] ?? '').trim();
}
