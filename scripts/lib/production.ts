// How production starts the API, for the benchmarks that measure it "as it runs in production":
// the image's NODE_OPTIONS (V8's sizing, docs/BENCHMARKS.md "Memory"), its allocator settings
// (ADR 0027) and the node flags of its CMD (V8 flags NODE_OPTIONS refuses, ADR 0023), read from the Dockerfile, which is where
// production sets them, so that no benchmark carries a twin of either.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The Dockerfile's last stage: the runtime image. */
function runtimeStage(root: string): string {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  return dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
}

/**
 * The runtime image's `ENV` variables, from every `ENV KEY=value …` instruction of its stage
 * (values bare or double-quoted, continued over lines with a backslash).
 */
export function imageEnv(root: string): Record<string, string> {
  const env: Record<string, string> = {};
  const stage = runtimeStage(root).replace(/\\\n/g, ' ');
  for (const line of stage.split('\n')) {
    if (!/^ENV\s/.test(line)) continue;
    for (const [, key, quoted, bare] of line
      .slice(4)
      .matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|(\S*))/g))
      env[key as string] = (quoted ?? bare ?? '').trim();
  }
  return env;
}

/** The NODE_OPTIONS the Dockerfile's runtime image sets, or '' if it sets none. */
export function imageNodeOptions(root: string): string {
  return imageEnv(root)['NODE_OPTIONS'] ?? '';
}

/**
 * How the image tunes the process, as a benchmark's service must run too: its NODE_OPTIONS (V8's
 * sizing) and glibc's allocator settings (`MALLOC_*`, ADR 0027). The image's NODE_ENV, HOST and
 * PORT are left out: a benchmark sets its own.
 */
export function imageTuning(root: string): Record<string, string> {
  const env = imageEnv(root);
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => key === 'NODE_OPTIONS' || key.startsWith('MALLOC_')),
  );
}

/**
 * The flags the runtime image's `CMD ["node", <flags…>, "dist/src/server.js"]` puts before the
 * server's script. Throws when the CMD is not of that shape, so that a benchmark never quietly
 * measures a process started differently from the image's.
 */
export function imageNodeArgs(root: string): string[] {
  const cmd = /^CMD (\[.*\])\s*$/m.exec(runtimeStage(root))?.[1];
  const argv: unknown = cmd === undefined ? undefined : JSON.parse(cmd);
  if (
    !Array.isArray(argv) ||
    !argv.every((a): a is string => typeof a === 'string') ||
    argv[0] !== 'node' ||
    argv.at(-1) !== 'dist/src/server.js'
  )
    throw new Error(`Dockerfile: expected CMD ["node", …, "dist/src/server.js"], found ${cmd}`);
  return argv.slice(1, -1);
}
