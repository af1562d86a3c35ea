// HTTP handlers for the operational endpoints (outside /api/v1).
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { components } from '../../../generated/api.d.ts';
import type { Contract } from '../../utils/contract.ts';
import { UnauthenticatedError } from '../../utils/errors.ts';
import type { Metrics } from '../../utils/metrics.ts';
import type { SystemService } from './system.service.ts';

type Health = components['schemas']['Health'];
type Readiness = components['schemas']['Readiness'];

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createSystemController(
  service: SystemService,
  contract: Contract,
  registry: Metrics,
) {
  const health: RequestHandler = (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ status: 'success', data: service.health() } satisfies Health);
  };

  const ready: RequestHandler = async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ status: 'success', data: await service.readiness() } satisfies Readiness);
  };

  const openapiJson: RequestHandler = (_req, res) => {
    res.type('application/json').set('Cache-Control', 'public, max-age=300').send(contract.json);
  };

  const openapiYaml: RequestHandler = (_req, res) => {
    res.type('application/yaml').set('Cache-Control', 'public, max-age=300').send(contract.yaml);
  };

  const docs: RequestHandler = (_req, res) => {
    res
      .type('html')
      .set('Content-Security-Policy', contract.docsCsp)
      .set('Cache-Control', 'public, max-age=300')
      .send(contract.docsHtml);
  };

  /** Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
  const metrics =
    (token: string | undefined): RequestHandler =>
    async (req, res) => {
      if (token !== undefined && !sameSecret(req.get('authorization') ?? '', `Bearer ${token}`)) {
        throw new UnauthenticatedError('The metrics token is missing or wrong.');
      }
      res
        .type(registry.registry.contentType)
        .set('Cache-Control', 'no-store')
        .send(await registry.registry.metrics());
    };

  return { health, ready, openapiJson, openapiYaml, docs, metrics };
}

export type SystemController = ReturnType<typeof createSystemController>;
