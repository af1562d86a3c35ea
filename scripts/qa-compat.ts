// Old clients replayed: runs the Arazzo workflows frozen with the last release
// (openapi/releases/v<version>/workflows/, written against that release's contract) on the Prism
// mock of the current contract and on a real current server, through scripts/qa.ts. A
// behavioural break the static gate cannot see (a stricter validation, a changed default) fails
// here. ADR 0009.
//   npm run qa:compat              both, mock then live
//   npm run qa:compat -- live      only one of them
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { latestRelease, releaseDir } from './spec-diff.ts';

const root = path.resolve(import.meta.dirname, '..');
const release = latestRelease();
const workflows = release ? path.join(releaseDir(release), 'workflows') : undefined;
if (!release || !workflows || !existsSync(workflows)) {
  console.error(`qa:compat: no frozen workflows beside ${release ?? 'any release'}`);
  process.exit(1);
}
const modes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['mock', 'live'];
const failed: string[] = [];
for (const mode of modes) {
  console.log(`::: ${path.relative(root, workflows)} against the current ${mode}`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['scripts/qa.ts', mode], {
      cwd: root,
      env: { ...process.env, QA_WORKFLOWS: path.relative(root, workflows) },
      stdio: 'inherit',
    });
    child.once('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) failed.push(mode);
}
if (failed.length > 0) {
  console.error(
    `qa:compat: clients of ${path.basename(release)} break on the current ${failed.join(' and ')}`,
  );
  process.exit(1);
}
console.log(`qa:compat: clients of ${path.basename(release)} still work (${modes.join(', ')})`);
