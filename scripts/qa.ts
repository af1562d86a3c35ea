// Runs the Arazzo workflows of openapi/workflows/ with `redocly respect`, against the Prism mock
// or against a real server, so QA and frontends know the mock and the API agree.
//   npm run qa:mock    starts `prism mock` on a free loopback port and runs the workflows on it
//   npm run qa:live    runs them on QA_BASE_URL, or on a throw-away server of its own
//                      (embedded PostgreSQL in a temporary directory, 50 seeded products)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForHttp } from './lib/process.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const mode = process.argv[2];
if (mode !== 'mock' && mode !== 'live') {
  console.error('usage: node scripts/qa.ts mock|live');
  process.exit(2);
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

const children: ChildProcess[] = [];
let tmp: string | undefined;
let code = 1;
try {
  let base = process.env.QA_BASE_URL;
  if (mode === 'mock') {
    const port = await freePort();
    const prism = spawn(
      bin('prism'),
      ['mock', 'generated/openapi.yaml', '-h', '127.0.0.1', '-p', String(port), '-v', 'warn'],
      {
        cwd: root,
        stdio: 'ignore',
      },
    );
    children.push(prism);
    base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/health`, prism);
  } else if (!base) {
    tmp = mkdtempSync(path.join(tmpdir(), 'cfm-qa-'));
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      EMBEDDED_PG_DIR: path.join(tmp, 'pg'),
      EMBEDDED_PG_PORT: String(pgPort),
    };
    const server = spawn(process.execPath, ['src/server.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(server);
    base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/health`, server);
    if ((await run(process.execPath, ['scripts/db-seed.ts', '--count', '50'], env)) !== 0)
      throw new Error('seeding failed');
  }
  // QA_WORKFLOWS: another folder of workflows (qa:compat replays a release's, scripts/qa-compat.ts).
  const dir = process.env.QA_WORKFLOWS ?? path.join('openapi', 'workflows');
  console.log(`running the workflows of ${dir} against ${base}`);
  const workflows = readdirSync(path.resolve(root, dir))
    .filter((f) => f.endsWith('.arazzo.yaml'))
    .map((f) => path.join(dir, f));
  code = await run(bin('redocly'), ['respect', ...workflows, '--server', `api=${base}`], {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  for (const child of children) {
    const exited = new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    child.kill('SIGTERM');
    await exited;
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
