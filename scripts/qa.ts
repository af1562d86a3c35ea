// Runs the Arazzo workflows of openapi/workflows/ with `redocly respect`, against the Prism mock
// or against a real server, so QA and frontends know the mock and the API agree.
//   npm run qa:mock    starts `prism mock` on a free loopback port and runs the workflows on it
//                      (all but those marked `x-qa-live-only: true`: they need state)
//   npm run qa:live    runs them on QA_BASE_URL, or on a throw-away server of its own
//                      (embedded PostgreSQL in a temporary directory, 50 seeded products, a
//                      first admin with a random password, and a mailbox that reads the
//                      development mail transport's log lines)
// Respect's JSON report of each workflow file goes to coverage/qa/<mode>/ (read by
// `npm run qa:coverage`); one line per workflow is printed at the end.
// QA_WORKFLOWS: another folder of workflows (qa:compat replays a release's, scripts/qa-compat.ts);
// their reports go to coverage/qa/<mode>-<that folder's parent>/, beside the current ones.
// The functions are exported for other QA scripts; the file runs only when it is the entry point.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'yaml';
import { freePort, waitForHttp } from './lib/process.ts';
import { createMailbox, type Mailbox } from './lib/mailbox.ts';

export const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
export type Mode = 'mock' | 'live';

/** What the workflows run against, and how to stop it. */
export interface Target {
  base: string;
  /** The QA mailbox (source `mailbox` of the workflows); only on a throw-away live server. */
  mailbox?: string;
  /** The admin the admin and error journeys sign in as. */
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** `prism mock` of the bundled contract on a free loopback port. */
export async function startMock(extraArgs: string[] = []): Promise<Target> {
  const port = await freePort();
  const prism = spawn(
    bin('prism'),
    ['mock', 'generated/openapi.yaml', '-h', '127.0.0.1', '-p', String(port), '-v', 'warn'].concat(
      extraArgs,
    ),
    { cwd: root, stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/health`, prism);
  } catch (error) {
    await stopChild(prism);
    throw error;
  }
  // The mock accepts any credentials: these only fill the admin journeys' inputs.
  return {
    base,
    admin: { email: 'ada@example.com', password: 'correct-horse-battery-staple' },
    stop: () => stopChild(prism),
  };
}

/**
 * A real server: QA_BASE_URL (with QA_ADMIN_EMAIL and QA_ADMIN_PASSWORD for the admin
 * journeys), or a throw-away one on an embedded PostgreSQL in a temporary directory.
 */
export async function startLive(): Promise<Target> {
  const external = process.env.QA_BASE_URL;
  if (external) {
    return {
      base: external,
      admin: {
        email: process.env.QA_ADMIN_EMAIL ?? '',
        password: process.env.QA_ADMIN_PASSWORD ?? '',
      },
      stop: () => Promise.resolve(),
    };
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'cfm-qa-'));
  const admin = {
    email: `qa-admin-${randomBytes(4).toString('hex')}@example.com`,
    password: randomBytes(18).toString('base64url'),
  };
  const [port, pgPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    // info: the development mail transport logs each mail at info, and the mailbox reads it.
    LOG_LEVEL: 'info',
    MAIL_TRANSPORT: 'log',
    PORT: String(port),
    EMBEDDED_PG_DIR: path.join(tmp, 'pg'),
    EMBEDDED_PG_PORT: String(pgPort),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  };
  const server = spawn(process.execPath, ['src/server.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let mailbox: Mailbox | undefined;
  const stop = async () => {
    await stopChild(server);
    await mailbox?.close();
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    mailbox = await createMailbox(createInterface({ input: server.stdout }));
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/health`, server);
    if ((await run(process.execPath, ['scripts/db-seed.ts', '--count', '50'], env)) !== 0)
      throw new Error('seeding failed');
    const { port: mailPort } = mailbox.server.address() as AddressInfo;
    return { base, admin, mailbox: `http://127.0.0.1:${mailPort}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface WorkflowFile {
  file: string;
  workflows: { workflowId: string; liveOnly: boolean; mailbox: boolean; admin: boolean }[];
}

/** The folder of workflows to run (relative to the repository): QA_WORKFLOWS or openapi/workflows. */
export function workflowDir(): string {
  return process.env.QA_WORKFLOWS ?? path.join('openapi', 'workflows');
}

/** The workflow files, with the workflows each holds and what they need. */
export function workflowFiles(relativeDir = workflowDir()): WorkflowFile[] {
  const dir = path.resolve(root, relativeDir);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.arazzo.yaml'))
    .sort()
    .map((f) => {
      const doc = parse(readFileSync(path.join(dir, f), 'utf8')) as {
        sourceDescriptions?: { name: string }[];
        workflows: {
          workflowId: string;
          'x-qa-live-only'?: boolean;
          inputs?: { required?: string[] };
        }[];
      };
      const mailbox = (doc.sourceDescriptions ?? []).some((s) => s.name === 'mailbox');
      return {
        file: path.join(relativeDir, f),
        workflows: doc.workflows.map((w) => ({
          workflowId: w.workflowId,
          liveOnly: w['x-qa-live-only'] === true,
          mailbox,
          admin: (w.inputs?.required ?? []).includes('adminEmail'),
        })),
      };
    });
}

export function reportDir(mode: string): string {
  const other = process.env.QA_WORKFLOWS;
  const name = other ? `${mode}-${path.basename(path.dirname(path.resolve(root, other)))}` : mode;
  return path.join(root, 'coverage', 'qa', name);
}

interface Report {
  files: Record<
    string,
    {
      executedWorkflows: {
        workflowId: string;
        status: string;
        executedSteps: { status: string; checks?: { passed: boolean }[] }[];
      }[];
    }
  >;
}

/**
 * Runs every workflow the target can take (respect, one run per file, JSON report per file
 * under reportDir(mode)) and prints one line per workflow. Resolves to the exit code.
 */
export async function runWorkflows(target: Target, mode: string): Promise<number> {
  const out = reportDir(mode);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const lines: string[] = [];
  let code = 0;
  for (const { file, workflows } of workflowFiles()) {
    const why = (w: WorkflowFile['workflows'][number]) =>
      mode === 'mock' && w.liveOnly
        ? 'needs a live server'
        : w.mailbox && !target.mailbox
          ? 'needs the QA mailbox'
          : w.admin && !target.admin.email
            ? 'needs QA_ADMIN_EMAIL and QA_ADMIN_PASSWORD'
            : null;
    const skipped = workflows.filter((w) => why(w) !== null);
    for (const w of skipped) lines.push(`skip  ${w.workflowId} (${why(w)})`);
    if (skipped.length === workflows.length) continue;
    const report = path.join(out, `${path.basename(file, '.arazzo.yaml')}.json`);
    const servers = ['--server', `api=${target.base}`];
    if (target.mailbox) servers.push('--server', `mailbox=${target.mailbox}`);
    const args = [
      'respect',
      file,
      ...servers,
      '--input',
      `adminEmail=${target.admin.email}`,
      '--input',
      `adminPassword=${target.admin.password}`,
      '--json-output',
      report,
      ...skipped.flatMap((w) => ['--skip', w.workflowId]),
    ];
    const status = await run(bin('redocly'), args, { ...process.env, REDOCLY_TELEMETRY: 'off' });
    if (status !== 0) code = 1;
    try {
      const r = JSON.parse(readFileSync(report, 'utf8')) as Report;
      for (const { executedWorkflows } of Object.values(r.files)) {
        for (const w of executedWorkflows) {
          const steps = w.executedSteps.length;
          const failed = w.executedSteps.filter((s) => s.status !== 'success').length;
          lines.push(
            `${w.status === 'success' ? 'pass' : 'FAIL'}  ${w.workflowId} (${steps - failed}/${steps} steps)`,
          );
        }
      }
    } catch {
      lines.push(`FAIL  ${file}: no report`);
      code = 1;
    }
  }
  console.log(`\nQA workflows (${mode}, ${target.base}):`);
  for (const line of lines) console.log(`  ${line}`);
  return code;
}

if (import.meta.main) {
  const mode = process.argv[2];
  if (mode !== 'mock' && mode !== 'live') {
    console.error('usage: node scripts/qa.ts mock|live');
    process.exit(2);
  }
  let code = 1;
  let target: Target | undefined;
  try {
    target = mode === 'mock' ? await startMock() : await startLive();
    console.log(`running the workflows of ${workflowDir()} against ${target.base}`);
    code = await runWorkflows(target, mode);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  } finally {
    await target?.stop();
  }
  process.exit(code);
}
