// HTTP handlers for the operational endpoints (outside /api/v1).
import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config/config.ts';
import type { Handler } from '../../types/handlers.ts';
import type { Contract } from '../../utils/contract.ts';
import type { Metrics } from '../../utils/metrics.ts';
import type { SystemService } from './system.service.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };
const CACHED = { 'Cache-Control': 'public, max-age=300' };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createSystemController(
  service: SystemService,
  contract: Contract,
  registry: Metrics,
  metricsConfig: Config['metrics'],
) {
  const health: Handler<'getHealth'> = () => ({
    status: 200,
    headers: NO_STORE,
    body: { status: 'success', data: service.health() },
  });

  const ready: Handler<'getReadiness'> = async () => ({
    status: 200,
    headers: NO_STORE,
    body: { status: 'success', data: await service.readiness() },
  });

  const openapiJson: Handler<'getOpenApiJson'> = () => ({
    status: 200,
    headers: CACHED,
    raw: contract.json,
  });

  const openapiYaml: Handler<'getOpenApiYaml'> = () => ({
    status: 200,
    headers: CACHED,
    raw: contract.yaml,
  });

  const docs: Handler<'getDocs'> = () => ({
    status: 200,
    headers: { ...CACHED, 'Content-Security-Policy': contract.docsCsp },
    raw: contract.docsHtml,
  });

  /** Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
  const metrics: Handler<'getMetrics'> = async (_input, { bearer }) => {
    // Off: the path answers 404 like any unknown one.
    if (!metricsConfig.enabled)
      return { status: 404, code: 'NOT_FOUND', message: 'Nothing is found at this address.' };
    const { token } = metricsConfig;
    if (token !== undefined && !sameSecret(bearer ?? '', token)) {
      return {
        status: 401,
        code: 'UNAUTHENTICATED',
        message: 'The metrics token is missing or wrong.',
        headers: { 'WWW-Authenticate': 'Bearer' },
      };
    }
    return { status: 200, headers: NO_STORE, raw: await registry.registry.metrics() };
  };

  return { health, ready, openapiJson, openapiYaml, docs, metrics };
}

export type SystemController = ReturnType<typeof createSystemController>;
