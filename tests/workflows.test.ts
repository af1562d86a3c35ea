// The delivery pipeline, checked here since no GitHub runner exists here: every workflow under
// .github/workflows validates against the workflow schema (@action-validator/cli), names only
// npm scripts that exist, pins every third-party action to a full commit SHA, and sets its
// token's permissions at the top, read-only; the Dependabot configuration is well-formed and
// covers npm, the Dockerfile and the actions; the kustomize overlays render (kubectl's own
// kustomize) into valid manifests with the image pinned by digest, the migration Job apart from
// the Deployments. Each rule is also run on a broken copy, so a rule that cannot fail fails here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { parse, stringify } from 'yaml';
import {
  OVERLAYS,
  kustomizeAvailable,
  overlays,
  phases,
  render,
  type Manifest,
} from '../scripts/deploy-render.ts';
import { MODELS } from './helpers/k8s-models.ts';

const root = path.resolve(import.meta.dirname, '..');
const WORKFLOWS = path.join(root, '.github', 'workflows');
const VALIDATOR = path.join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML
type Yaml = any;

const workflowFiles = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const workflows = workflowFiles.map((file) => {
  const text = readFileSync(path.join(WORKFLOWS, file), 'utf8');
  return { file, text, doc: parse(text) };
});

const scratch = mkdtempSync(path.join(tmpdir(), 'cfm-workflows-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------
// The rules, as functions of a workflow, so that the tests can also run them on broken copies.

/**
 * action-validator's schema (0.6.0, the newest release) predates the `attestations` permission
 * that the attest actions need; it is checked below instead, and removed from the copy validated.
 */
function withoutAttestations(doc: Yaml): Yaml {
  const copy = structuredClone(doc);
  for (const holder of [copy, ...Object.values((copy.jobs ?? {}) as Record<string, Yaml>)]) {
    if (holder.permissions && typeof holder.permissions === 'object') {
      delete holder.permissions.attestations;
    }
  }
  return copy;
}

/** The schema errors action-validator reports for a workflow ([] when it is valid). */
function schemaErrors(name: string, doc: Yaml): string[] {
  const file = path.join(scratch, name);
  writeFileSync(file, stringify(withoutAttestations(doc)));
  const result = spawnSync(process.execPath, [VALIDATOR, file], { cwd: root, encoding: 'utf8' });
  if (result.status === 0) return [];
  const output = result.stdout + result.stderr;
  const details = [...output.matchAll(/"detail": "([^"]+)"/g)].map((m) => m[1]!);
  return details.length > 0 ? [...new Set(details)] : [output];
}

interface ScriptRef {
  workspace?: string;
  script: string;
  optional: boolean;
}

const scriptsOf = (dir: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')).scripts ?? {};

/** Every `npm run [-s] [-w ws] X` in a workflow's steps. */
function scriptRefs(doc: Yaml): ScriptRef[] {
  const runs = Object.values((doc.jobs ?? {}) as Record<string, Yaml>).flatMap((job) =>
    ((job.steps ?? []) as Yaml[]).map((s) => String(s.run ?? '')),
  );
  return runs.flatMap((run) =>
    [...run.matchAll(/npm run((?:\s+-s)?)(?:\s+-w\s+(\S+))?\s+([\w:.-]+)([^\n&;|]*)/g)].map(
      (m) => ({
        workspace: m[2],
        script: m[3]!,
        // npm's own --if-present, or a guard that asks package.json first (spec-pr.yml).
        optional: /--if-present/.test(m[4] ?? '') || run.includes(`npm pkg get 'scripts.${m[3]}'`),
      }),
    ),
  );
}

/** The `npm run` references that name no script of package.json (or of the workspace's). */
function missingScripts(doc: Yaml): string[] {
  return scriptRefs(doc)
    .filter((r) => !r.optional && !(r.script in scriptsOf(r.workspace ?? '.')))
    .map((r) => (r.workspace ? `-w ${r.workspace} ${r.script}` : r.script));
}

const FULL_SHA = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/;

/** Every `uses:` of a third-party action not pinned to a 40-hex commit with a version comment. */
function unpinnedActions(text: string): string[] {
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)]
    .filter(([, ref]) => !ref!.startsWith('./'))
    .filter(([, ref, rest]) => !FULL_SHA.test(ref!) || !/^\s+#\s*v\d+(\.\d+){0,2}\s*$/.test(rest!))
    .map(([, ref]) => ref!);
}

const LEVELS = ['read', 'write', 'none'];

/** What is wrong with a workflow's top-level permissions: absent, or more than read-only. */
function permissionProblems(doc: Yaml): string[] {
  const top = doc.permissions;
  if (top === undefined) return ['no top-level permissions'];
  if (typeof top === 'string') return top === 'read-all' ? [] : [`top-level permissions: ${top}`];
  const problems = Object.entries(top as Record<string, string>)
    .filter(([, level]) => level !== 'read' && level !== 'none')
    .map(([scope, level]) => `top-level ${scope}: ${level}`);
  for (const [name, job] of Object.entries((doc.jobs ?? {}) as Record<string, Yaml>)) {
    for (const [scope, level] of Object.entries((job.permissions ?? {}) as Record<string, string>))
      if (!LEVELS.includes(level)) problems.push(`job ${name} ${scope}: ${level}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe('GitHub workflows', () => {
  test('the pipeline of issue 18 is there', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining(['ci.yml', 'codeql.yml', 'deploy.yml', 'release.yml', 'spec-pr.yml']),
    );
  });

  test.each(workflows)('$file validates against the workflow schema', ({ file, doc }) => {
    expect(schemaErrors(file, doc)).toEqual([]);
  });

  test.each(workflows)('$file calls only npm scripts that exist', ({ doc }) => {
    expect(missingScripts(doc)).toEqual([]);
  });

  test.each(workflows)('$file pins every third-party action to a commit SHA', ({ text }) => {
    expect(unpinnedActions(text)).toEqual([]);
  });

  test.each(workflows)('$file sets read-only permissions at the top', ({ doc }) => {
    expect(permissionProblems(doc)).toEqual([]);
  });

  test('CI runs .ci/run itself, cancels superseded runs, and audits production dependencies', () => {
    const ci = workflows.find((w) => w.file === 'ci.yml')!.doc;
    const runs = Object.values(ci.jobs as Record<string, Yaml>).flatMap((j) =>
      (j.steps as Yaml[]).map((s) => String(s.run ?? '')),
    );
    expect(runs).toContain('bash .ci/run');
    expect(runs).toContain('npm run audit:prod');
    expect(scriptsOf('.')['audit:prod']).toMatch(/npm audit --omit=dev --audit-level=high/);
    expect(ci.concurrency['cancel-in-progress']).toBe(true);
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  test('the rules catch an invalid key, a missing script, an unpinned action, a write token', () => {
    const ci = structuredClone(workflows.find((w) => w.file === 'ci.yml')!);
    const broken = structuredClone(ci.doc);
    broken.jobs.gates['runs-onn'] = 'ubuntu-24.04';
    expect(schemaErrors('broken.yml', broken)).toContain(
      "Additional property 'runs-onn' is not allowed",
    );
    broken.jobs.gates.steps.push({ run: 'npm run no-such-script && npm run -w sdk nope' });
    expect(missingScripts(broken)).toEqual(['no-such-script', '-w sdk nope']);
    const unpinned = ci.text.replace(
      /actions\/checkout@[0-9a-f]{40} # v[\d.]+/,
      'actions/checkout@v7',
    );
    expect(unpinnedActions(unpinned)).toContain('actions/checkout@v7');
    const commentless = ci.text.replace(/(actions\/checkout@[0-9a-f]{40}) # v[\d.]+/, '$1');
    expect(unpinnedActions(commentless)).toHaveLength(1);
    expect(permissionProblems({ ...ci.doc, permissions: undefined })).toEqual([
      'no top-level permissions',
    ]);
    expect(permissionProblems({ ...ci.doc, permissions: 'write-all' })).toHaveLength(1);
    expect(permissionProblems({ ...ci.doc, permissions: { contents: 'write' } })).toEqual([
      'top-level contents: write',
    ]);
  });

  test('the deploy offers exactly the overlays, and the release deploys to one of them', () => {
    const deploy = workflows.find((w) => w.file === 'deploy.yml')!.doc;
    expect([...deploy.on.workflow_dispatch.inputs.environment.options].sort()).toEqual(overlays());
    const release = workflows.find((w) => w.file === 'release.yml')!.doc;
    expect(overlays()).toContain(release.jobs.staging.with.environment);
    expect(release.jobs.staging.uses).toBe('./.github/workflows/deploy.yml');
  });

  test('the release attests its image: the attestations permission the validator cannot check', () => {
    const release = workflows.find((w) => w.file === 'release.yml')!.doc;
    expect(release.jobs.release.permissions).toEqual(
      expect.objectContaining({ attestations: 'write', 'id-token': 'write' }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Dependabot. Its official schema (SchemaStore's dependabot-2.0) is fetched from the web by the
// validators in the registry, which this machine cannot reach, so the options this repository
// uses are written down here as a closed schema: a misspelt or unknown key fails.

const schedule = {
  type: 'object',
  additionalProperties: false,
  required: ['interval'],
  properties: {
    interval: { enum: ['daily', 'weekly', 'monthly', 'quarterly', 'semiannually', 'yearly'] },
    day: {
      enum: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    },
    time: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
    timezone: { type: 'string' },
  },
};
const DEPENDABOT_SUBSET = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'updates'],
  properties: {
    version: { const: 2 },
    updates: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['package-ecosystem', 'directory', 'schedule'],
        properties: {
          'package-ecosystem': { enum: ['npm', 'docker', 'github-actions'] },
          directory: { type: 'string', pattern: '^/' },
          schedule,
          'versioning-strategy': {
            enum: ['auto', 'increase', 'increase-if-necessary', 'lockfile-only', 'widen'],
          },
          'open-pull-requests-limit': { type: 'integer', minimum: 0 },
          labels: { type: 'array', items: { type: 'string' } },
          'commit-message': {
            type: 'object',
            additionalProperties: false,
            properties: {
              prefix: { type: 'string', maxLength: 50 },
              include: { const: 'scope' },
            },
          },
          groups: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              properties: {
                patterns: { type: 'array', items: { type: 'string' }, minItems: 1 },
                'dependency-type': { enum: ['development', 'production'] },
                'update-types': { type: 'array', items: { enum: ['major', 'minor', 'patch'] } },
              },
            },
          },
          ignore: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['dependency-name'],
              properties: {
                'dependency-name': { type: 'string' },
                'update-types': {
                  type: 'array',
                  items: {
                    enum: [
                      'version-update:semver-major',
                      'version-update:semver-minor',
                      'version-update:semver-patch',
                    ],
                  },
                },
                versions: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
};

describe('Dependabot', () => {
  const dependabot = parse(readFileSync(path.join(root, '.github', 'dependabot.yml'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(DEPENDABOT_SUBSET);

  test('the configuration is well-formed', () => {
    expect(validate(dependabot) ? [] : validate.errors).toEqual([]);
    const broken = structuredClone(dependabot);
    broken.updates[0].schedulee = broken.updates[0].schedule;
    expect(validate(broken)).toBe(false);
  });

  test('npm, the Dockerfile and the actions: weekly, each week in one grouped pull request', () => {
    const updates = dependabot.updates as Yaml[];
    expect(updates.map((u) => u['package-ecosystem']).sort()).toEqual([
      'docker',
      'github-actions',
      'npm',
    ]);
    for (const u of updates) {
      expect(u.schedule.interval).toBe('weekly');
      const groups = Object.values(u.groups as Record<string, Yaml>);
      expect(groups.some((g) => g.patterns.includes('*'))).toBe(true);
    }
    const npm = updates.find((u) => u['package-ecosystem'] === 'npm');
    expect(npm['versioning-strategy']).toBe('increase');
    const manifest = {
      npm: 'package-lock.json',
      docker: 'Dockerfile',
      'github-actions': '.github/workflows',
    };
    for (const u of updates) {
      const file = manifest[u['package-ecosystem'] as keyof typeof manifest];
      expect(existsSync(path.join(root, u.directory, file))).toBe(true);
    }
    // Every package an `ignore` names is one of ours.
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const ours = { ...pkg.dependencies, ...pkg.devDependencies };
    for (const rule of npm.ignore as Yaml[]) expect(ours).toHaveProperty([rule['dependency-name']]);
  });
});

// ---------------------------------------------------------------------------------------------
// The kustomize overlays.

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const IMAGE = `ghcr.io/example/contract-first-monolith@${DIGEST}`;
const baseDir = path.join(root, 'docker', 'k8s', 'base');
const base = parse(readFileSync(path.join(baseDir, 'kustomization.yaml'), 'utf8'));
const baseDocs = (base.resources as string[]).map(
  (f) => parse(readFileSync(path.join(baseDir, f), 'utf8')) as Manifest,
);
const kubectl = kustomizeAvailable();
if (!kubectl) {
  const note =
    'kubectl is missing: the overlays are checked but not rendered (REQUIRE_KUSTOMIZE=1 refuses that, as CI does).';
  if (process.env.REQUIRE_KUSTOMIZE === '1') throw new Error(note);
  console.warn(note);
}

describe.each(overlays())('overlay %s', (overlay) => {
  const kustomization = parse(
    readFileSync(path.join(OVERLAYS, overlay, 'kustomization.yaml'), 'utf8'),
  );

  test('its resources exist and every patch targets a resource of the base', () => {
    for (const resource of kustomization.resources as string[]) {
      expect(existsSync(path.join(OVERLAYS, overlay, resource))).toBe(true);
    }
    for (const { target } of (kustomization.patches ?? []) as Yaml[]) {
      expect(
        baseDocs.filter((d) => d.kind === target.kind && d.metadata.name === target.name),
      ).toHaveLength(1);
    }
  });

  (kubectl ? describe : describe.skip)('rendered by kustomize (kubectl kustomize)', () => {
    const manifests = kubectl ? render(overlay, IMAGE) : [];
    const find = (kind: string, name: string) =>
      manifests.find((m) => m.kind === kind && m.metadata.name === name)!;

    test('every resource of the base, valid against the Kubernetes schema', () => {
      // kustomize renames the Namespace itself to the overlay's namespace.
      const id = (m: Manifest) =>
        `${m.kind}/${m.kind === 'Namespace' ? kustomization.namespace : m.metadata.name}`;
      expect(manifests.map(id).sort()).toEqual(baseDocs.map(id).sort());
      for (const m of manifests) {
        const Model = MODELS[`${m.apiVersion}/${m.kind}`]!;
        expect(() => new Model(m).validate()).not.toThrow();
      }
    });

    test("in the overlay's namespace, every container on the image by digest", () => {
      for (const m of manifests.filter((d) => d.kind !== 'Namespace')) {
        expect(m.metadata.namespace).toBe(kustomization.namespace);
      }
      expect(find('Namespace', kustomization.namespace)).toBeDefined();
      const containers = manifests
        .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
        .flatMap((m) => m.spec.template.spec.containers as { image: string }[]);
      expect(containers.length).toBeGreaterThan(0);
      for (const c of containers) expect(c.image).toBe(IMAGE);
    });

    test('the migration Job comes before the Deployments', () => {
      const { migrate, rollout } = phases(manifests);
      expect(migrate.map((m) => m.kind)).toContain('Job');
      expect(migrate.map((m) => m.kind)).not.toContain('Deployment');
      expect(rollout.map((m) => m.kind)).toEqual(['Deployment', 'Deployment']);
    });

    test('the scale holds together and the requests and limits are the measured ones', () => {
      const hpa = find('HorizontalPodAutoscaler', 'api').spec;
      expect(find('PodDisruptionBudget', 'api').spec.minAvailable).toBeLessThan(hpa.minReplicas);
      expect(find('Deployment', 'api').spec.replicas).toBeGreaterThanOrEqual(hpa.minReplicas);
      expect(hpa.maxReplicas).toBeGreaterThanOrEqual(hpa.minReplicas);
      for (const m of manifests.filter((d) => d.kind === 'Deployment' || d.kind === 'Job')) {
        const original = baseDocs.find(
          (d) => d.kind === m.kind && d.metadata.name === m.metadata.name,
        )!;
        expect(m.spec.template.spec.containers[0].resources).toEqual(
          original.spec.template.spec.containers[0].resources,
        );
      }
    });
  });
});

test("README's requests and limits are the manifests'", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Continuous delivery'));
  const text = (r: { cpu: string; memory: string }) =>
    `${r.cpu} CPU, ${r.memory.replace(/Mi$/, ' MiB')}`;
  const workloads = baseDocs.filter((d) => d.kind === 'Deployment' || d.kind === 'Job');
  expect(workloads.length).toBeGreaterThan(0);
  for (const d of workloads) {
    const container = d.spec.template.spec.containers[0];
    const row = new RegExp(`^\\| ${container.name} +\\| ([^|]+?) +\\| ([^|]+?) +\\|`, 'm').exec(
      section,
    );
    expect(row?.slice(1, 3)).toEqual([
      text(container.resources.requests),
      text(container.resources.limits),
    ]);
  }
});

test('deploy-render refuses an image that is not pinned by digest, and an unknown overlay', () => {
  expect(() => render('staging', 'ghcr.io/example/app:latest')).toThrow(/sha256/);
  expect(() => render('nowhere', IMAGE)).toThrow(/unknown overlay/);
});
