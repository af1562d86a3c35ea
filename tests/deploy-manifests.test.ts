// The Kubernetes manifests and compose files, checked without a cluster: every resource against
// the Kubernetes schemas (kubernetes-models), and against the service itself: the settings they
// pass are variables the service reads and accepts, the commands name files the build emits, the
// probes name routes of the contract, and the drain fits in the grace period.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer, IPodSpec } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../src/config/config.ts';
import { MODELS } from './helpers/k8s-models.ts';

const root = path.resolve(import.meta.dirname, '..');
const k8s = path.join(root, 'docker/k8s/base');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML; the schemas check it
type Yaml = any;
const read = (file: string) => parse(readFileSync(file, 'utf8'), { merge: true });

const kustomization = read(path.join(k8s, 'kustomization.yaml'));
const resources = (kustomization.resources as string[]).map((file) => ({
  file,
  doc: read(path.join(k8s, file)),
}));
const byKind = (kind: string, name: string) =>
  resources.find((r) => r.doc.kind === kind && r.doc.metadata?.name === name)!.doc;
const secretExample = read(path.join(k8s, 'secret.example.yaml'));
const configMap = byKind('ConfigMap', 'api-config');
const workloads = resources
  .filter((r) => r.doc.kind === 'Deployment' || r.doc.kind === 'Job')
  .map((r) => ({ file: r.file, pod: r.doc.spec.template.spec as IPodSpec }));

describe('Kubernetes manifests', () => {
  test('kustomization lists every manifest but the Secret example', () => {
    const files = readdirSync(k8s).filter((f) => f.endsWith('.yaml'));
    expect(new Set(resources.map((r) => r.file))).toEqual(
      new Set(files.filter((f) => f !== 'kustomization.yaml' && f !== 'secret.example.yaml')),
    );
  });

  test.each([...resources, { file: 'secret.example.yaml', doc: secretExample }])(
    '$file is valid against the Kubernetes schema',
    ({ doc }) => {
      const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
      expect(Model).toBeDefined();
      expect(() => new Model!(doc).validate()).not.toThrow();
    },
  );

  test('the schema check is live: a wrong type is refused', () => {
    const broken = structuredClone(byKind('Deployment', 'api'));
    broken.spec.replicas = 'three';
    expect(() => new Deployment(broken).validate()).toThrow(/replicas/);
  });

  test('ConfigMap, Secret and containers pass only variables the service reads, and it accepts them', () => {
    const env = { ...configMap.data, ...secretExample.stringData } as Record<string, string>;
    expect(Object.keys(env).filter((k) => !CONFIG_VARIABLES.includes(k))).toEqual([]);
    const direct = workloads.flatMap(({ pod }) =>
      pod.containers.flatMap((c) => (c.env ?? []).map((e) => e.name)),
    );
    expect(direct.filter((k) => !CONFIG_VARIABLES.includes(k))).toEqual([]);
    const config = loadConfig(env);
    expect(config.env).toBe('production');
    expect(config.jobs.inProcess).toBe(false);
  });

  test('commands name files the production build emits', () => {
    const build = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as {
      compilerOptions: { outDir: string };
      include: string[];
    };
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const commands = workloads.flatMap(({ pod }) => pod.containers.map((c) => c.command ?? []));
    const defaultCommand = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    for (const command of [...commands, defaultCommand].filter((c) => c.length > 0)) {
      expect(command[0]).toBe('node');
      // The script: the first argument that is not a node flag (the image's CMD has some).
      const script = command.slice(1).find((a) => !a.startsWith('-'))!;
      const source = script
        .replace(new RegExp(`^${build.compilerOptions.outDir}/`), '')
        .replace(/\.js$/, '.ts');
      expect(existsSync(path.join(root, source))).toBe(true);
      expect(build.include.some((dir) => source === dir || source.startsWith(`${dir}/`))).toBe(
        true,
      );
    }
  });

  test('probes name routes of the contract and the named port; the port is PORT', () => {
    const contract = JSON.parse(
      readFileSync(path.join(root, 'generated/openapi.json'), 'utf8'),
    ) as { paths: Record<string, unknown> };
    const api = byKind('Deployment', 'api').spec.template.spec.containers[0] as IContainer;
    for (const probe of [api.startupProbe, api.livenessProbe, api.readinessProbe]) {
      expect(probe?.httpGet?.port).toBe('http');
      expect(Object.keys(contract.paths)).toContain(probe?.httpGet?.path);
    }
    expect(api.readinessProbe?.httpGet?.path).toBe('/ready');
    expect(api.ports).toEqual([{ name: 'http', containerPort: Number(configMap.data.PORT) }]);
    expect(byKind('Service', 'api').spec.ports[0].targetPort).toBe('http');
  });

  test("the worker's probes use the port WORKER_HEALTH_PORT opens, on the routes it answers", () => {
    const worker = byKind('Deployment', 'worker').spec.template.spec.containers[0] as IContainer;
    const port = Number(worker.env?.find((e) => e.name === 'WORKER_HEALTH_PORT')?.value);
    expect(worker.ports).toEqual([{ name: 'probes', containerPort: port }]);
    expect(loadConfig({ WORKER_HEALTH_PORT: String(port) }).jobs.healthPort).toBe(port);
    for (const probe of [worker.startupProbe, worker.livenessProbe, worker.readinessProbe]) {
      expect(probe?.httpGet?.port).toBe('probes');
      expect(['/health', '/ready']).toContain(probe?.httpGet?.path);
    }
  });

  test('the API drains within its grace period', () => {
    const grace = byKind('Deployment', 'api').spec.template.spec.terminationGracePeriodSeconds;
    const drain =
      (Number(configMap.data.SHUTDOWN_DELAY_MS) + Number(configMap.data.SHUTDOWN_TIMEOUT_MS)) /
      1000;
    expect(grace).toBeGreaterThan(drain);
  });

  test('Service, autoscaler and disruption budget point at the API pods', () => {
    const api = byKind('Deployment', 'api');
    const labels = api.spec.template.metadata.labels as Record<string, string>;
    expect(api.spec.selector.matchLabels).toEqual(labels);
    expect(byKind('Service', 'api').spec.selector).toEqual(labels);
    expect(byKind('PodDisruptionBudget', 'api').spec.selector.matchLabels).toEqual(labels);
    const hpa = byKind('HorizontalPodAutoscaler', 'api').spec;
    expect(hpa.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' });
    // A node drain can always evict one pod: the budget stays below the smallest scale.
    expect(byKind('PodDisruptionBudget', 'api').spec.minAvailable).toBeLessThan(hpa.minReplicas);
  });

  test.each(workloads)('$file runs unprivileged with a read-only root', ({ pod }) => {
    expect(pod.securityContext).toEqual(
      expect.objectContaining({ runAsNonRoot: true, runAsUser: 1000 }),
    );
    for (const container of pod.containers) {
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.resources?.limits).toEqual(
        expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
      );
      expect(container.image).toBe(kustomization.images[0].name);
    }
  });
});

describe('compose files', () => {
  test.each(['docker-compose.yml', 'docker/docker-compose.prod.yml'])(
    '%s passes only variables the service reads',
    (file) => {
      const compose = read(path.join(root, file));
      const services = Object.entries(compose.services as Record<string, Yaml>).filter(
        ([name]) => name === 'api' || name === 'worker' || name === 'migrate',
      );
      expect(services.length).toBeGreaterThan(0);
      for (const [, service] of services) {
        const keys = Object.keys(service.environment as Record<string, string>);
        expect(keys.filter((k) => !CONFIG_VARIABLES.includes(k))).toEqual([]);
      }
    },
  );

  test('the production stack runs migrations, the API and the worker from the image', () => {
    const compose = read(path.join(root, 'docker/docker-compose.prod.yml'));
    const { migrate, api, worker } = compose.services;
    for (const service of [migrate, api, worker]) {
      expect(service.build.dockerfile).toBe('Dockerfile');
      expect(service.read_only).toBe(true);
      expect(service.cap_drop).toEqual(['ALL']);
      expect(Object.keys(service.environment)).toEqual(
        expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL']),
      );
    }
    expect(worker.command).toEqual(['node', 'dist/src/worker.js']);
    expect(worker.environment.WORKER_HEALTH_PORT).toBe('3001');
    expect(JSON.stringify(worker.healthcheck.test)).toContain('127.0.0.1:3001/health');
    expect(api.depends_on.migrate.condition).toBe('service_completed_successfully');
  });
});
