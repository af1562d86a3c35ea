// HTTP handlers for the operational endpoints (outside /api/v1).
import type { RequestHandler } from 'express';
import type { components } from '../../../generated/api.d.ts';
import type { Contract } from '../../utils/contract.ts';
import type { SystemService } from './system.service.ts';

type Health = components['schemas']['Health'];
type Readiness = components['schemas']['Readiness'];

export function createSystemController(service: SystemService, contract: Contract) {
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

  return { health, ready, openapiJson, openapiYaml, docs };
}

export type SystemController = ReturnType<typeof createSystemController>;
