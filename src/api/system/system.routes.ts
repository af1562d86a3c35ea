// Operational endpoints: probes for orchestrators and the contract itself.
import { Router } from 'express';
import type { SystemController } from './system.controller.ts';

export function systemRoutes(controller: SystemController): Router {
  const router = Router();
  router.get('/health', controller.health);
  router.get('/ready', controller.ready);
  router.get('/openapi.json', controller.openapiJson);
  router.get('/openapi.yaml', controller.openapiYaml);
  router.get('/docs', controller.docs);
  return router;
}
