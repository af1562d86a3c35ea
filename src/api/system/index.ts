// Wires the system handlers from the app's dependencies.
import type { AppDeps } from '../../app.ts';
import type { Handlers } from '../../types/handlers.ts';
import type { Metrics } from '../../utils/metrics.ts';
import { createSystemController } from './system.controller.ts';
import { createSystemRepository } from './system.repository.ts';
import { systemRoutes } from './system.routes.ts';
import { createSystemService } from './system.service.ts';

export function systemModule(deps: AppDeps, metrics: Metrics): Handlers<'system'> {
  const service = createSystemService({
    repository: createSystemRepository(deps.orm),
    lifecycle: deps.lifecycle,
    logger: deps.logger,
    readyCheckTimeoutMs: deps.config.lifecycle.readyCheckTimeoutMs,
  });
  return systemRoutes(createSystemController(service, deps.contract, metrics, deps.config.metrics));
}
