// Renders a kustomize overlay of docker/k8s/overlays/ with the image pinned by digest, using the
// real kustomize inside `kubectl kustomize`, and splits the result into the two phases of a
// deploy: everything but the Deployments (namespace, settings, the migration Job, Service,
// autoscaler, disruption budget) first, then the Deployments once the migration has completed.
//   node scripts/deploy-render.ts --overlay staging --image ghcr.io/acme/shop@sha256:<64 hex> \
//     --out <dir> [--github-output <file>]
// Writes <dir>/1-migrate.yaml and <dir>/2-rollout.yaml, and prints (or appends to the file)
// namespace=…, job=… and deployments=… for the deploy workflow.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, parseAllDocuments, stringify } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
export const OVERLAYS = path.join(root, 'docker', 'k8s', 'overlays');
const BASE = path.join(root, 'docker', 'k8s', 'base', 'kustomization.yaml');

/** registry[:port]/path@sha256:<64 hex>, lower case as registries require. */
const IMAGE_BY_DIGEST =
  /^([a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?\/)?[a-z0-9]+([._/-][a-z0-9]+)*@sha256:[a-f0-9]{64}$/;

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rendered YAML; schemas check it
  spec?: any;
  [key: string]: unknown;
}

export const overlays = (): string[] =>
  readdirSync(OVERLAYS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

/** True when `kubectl` (which carries kustomize) can be run here. */
export function kustomizeAvailable(): boolean {
  return spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
}

/** The overlay rendered by kustomize with every container image replaced by `image`. */
export function render(overlay: string, image: string): Manifest[] {
  if (!overlays().includes(overlay)) {
    throw new Error(`unknown overlay "${overlay}": one of ${overlays().join(', ')}`);
  }
  if (!IMAGE_BY_DIGEST.test(image)) {
    throw new Error(`--image must be <registry>/<name>@sha256:<64 hex digits>, got "${image}"`);
  }
  const at = image.lastIndexOf('@');
  const { images } = parse(readFileSync(BASE, 'utf8')) as { images: { name: string }[] };
  // A kustomization one level above the overlay that only sets the image: kustomize's own
  // image transformer does the replacement (it refuses absolute paths to other roots).
  const dir = mkdtempSync(path.join(tmpdir(), 'cfm-deploy-'));
  try {
    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: [path.relative(dir, path.join(OVERLAYS, overlay))],
      images: images.map(({ name }) => ({
        name,
        newName: image.slice(0, at),
        digest: image.slice(at + 1),
      })),
    };
    writeFileSync(path.join(dir, 'kustomization.yaml'), stringify(kustomization));
    const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
    if (result.error) throw new Error(`kubectl kustomize could not run: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`kubectl kustomize failed:\n${result.stderr.trim()}`);
    return parseAllDocuments(result.stdout).map((d) => d.toJS() as Manifest);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The two phases of a deploy: Deployments roll out only after the migration Job completed. */
export function phases(manifests: Manifest[]): { migrate: Manifest[]; rollout: Manifest[] } {
  return {
    migrate: manifests.filter((m) => m.kind !== 'Deployment'),
    rollout: manifests.filter((m) => m.kind === 'Deployment'),
  };
}

function summary(manifests: Manifest[]): Record<string, string> {
  const names = (kind: string) =>
    manifests.filter((m) => m.kind === kind).map((m) => m.metadata.name);
  const namespaces = new Set(manifests.map((m) => m.metadata.namespace).filter(Boolean));
  const jobs = names('Job');
  if (namespaces.size !== 1)
    throw new Error(`expected one namespace, got ${[...namespaces].join(', ')}`);
  if (jobs.length !== 1) throw new Error(`expected one migration Job, got ${jobs.length}`);
  return {
    namespace: [...namespaces][0]!,
    job: jobs[0]!,
    deployments: names('Deployment').join(' '),
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      overlay: { type: 'string' },
      image: { type: 'string' },
      out: { type: 'string' },
      'github-output': { type: 'string' },
    },
  });
  try {
    if (!values.overlay || !values.image || !values.out) {
      throw new Error(
        'usage: deploy-render.ts --overlay <name> --image <ref@sha256:…> --out <dir>',
      );
    }
    const manifests = render(values.overlay, values.image);
    const { migrate, rollout } = phases(manifests);
    mkdirSync(values.out, { recursive: true });
    const yaml = (docs: Manifest[]) => docs.map((d) => stringify(d)).join('---\n');
    writeFileSync(path.join(values.out, '1-migrate.yaml'), yaml(migrate));
    writeFileSync(path.join(values.out, '2-rollout.yaml'), yaml(rollout));
    const lines = Object.entries(summary(manifests)).map(([k, v]) => `${k}=${v}\n`);
    if (values['github-output']) appendFileSync(values['github-output'], lines.join(''));
    process.stdout.write(lines.join(''));
  } catch (error) {
    console.error(`deploy-render: ${(error as Error).message}`);
    process.exit(1);
  }
}
