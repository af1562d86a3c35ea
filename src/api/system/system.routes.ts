// The operational operations (tag `system`): probes for orchestrators, metrics and the
// contract itself. The non-JSON answers use the typed escape hatch (`raw`).
import type { Handlers } from '../../types/handlers.ts';
import type { SystemController } from './system.controller.ts';

export function systemRoutes(c: SystemController): Handlers<'system'> {
  return {
    getHealth: c.health,
    getReadiness: c.ready,
    getOpenApiJson: c.openapiJson,
    getOpenApiYaml: c.openapiYaml,
    getDocs: c.docs,
    getMetrics: c.metrics,
  };
}
