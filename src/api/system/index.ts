// Wires the system handlers to the one system service (built by createServices, shared with
// the worker's probes).
import type { Config } from '../../config/config.ts';
import type { Handlers } from '../../types/handlers.ts';
import type { Contract } from '../../utils/contract.ts';
import type { Metrics } from '../../utils/metrics.ts';
import { createSystemController } from './system.controller.ts';
import { systemRoutes } from './system.routes.ts';
import type { SystemService } from './system.service.ts';

export function systemModule(
  service: SystemService,
  contract: Contract,
  metrics: Metrics,
  metricsConfig: Config['metrics'],
): Handlers<'system'> {
  return systemRoutes(createSystemController(service, contract, metrics, metricsConfig));
}
