// Operational endpoints: probes for orchestrators and the contract itself.
import { Router } from 'express';
import type { Config } from '../../config/config.ts';
import type { SystemController } from './system.controller.ts';

export function systemRoutes(controller: SystemController, metrics: Config['metrics']): Router {
  const router = Router();
  // Off: the path answers 404 like any other unknown one.
  if (metrics.enabled) router.get('/metrics', controller.metrics(metrics.token));
  router.get('/health', controller.health);
  router.get('/ready', controller.ready);
  router.get('/openapi.json', controller.openapiJson);
  router.get('/openapi.yaml', controller.openapiYaml);
  router.get('/docs', controller.docs);
  return router;
}
