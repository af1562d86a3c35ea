// HTTP handlers for the operational endpoints (outside /api/v1).
import { timingSafeEqual } from 'node:crypto';
import Negotiator from 'negotiator';
import type { Config } from '../../config/config.ts';
import type { Handler } from '../../types/handlers.ts';
import type { Contract, ServedDocument } from '../../utils/contract.ts';
import type { Metrics } from '../../utils/metrics.ts';
import type { SystemService } from './system.service.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };
const CACHED = { 'Cache-Control': 'public, max-age=300' };

/** True when the caller's Accept-Encoding takes gzip over the identity (RFC 9110 q-values). */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  return negotiator.encoding(['gzip', 'identity']) === 'gzip';
}

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

  /**
   * A document as the caller accepts it, gzip-compressed or as it is (ADR 0021); caches keep the
   * two apart by `Vary: Accept-Encoding`.
   */
  const served = async (name: ServedDocument, acceptEncoding: string | undefined) =>
    acceptsGzip(acceptEncoding)
      ? { raw: await contract.gzipped(name), encoding: 'gzip' as const }
      : { raw: await contract.identity(name) };
  const VARY = { Vary: 'Accept-Encoding' };

  const openapiJson: Handler<'getOpenApiJson'> = async ({ headers }) => ({
    status: 200,
    headers: { ...CACHED, ...VARY },
    ...(await served('json', headers['Accept-Encoding'])),
  });

  const openapiYaml: Handler<'getOpenApiYaml'> = async ({ headers }) => ({
    status: 200,
    headers: { ...CACHED, ...VARY },
    ...(await served('yaml', headers['Accept-Encoding'])),
  });

  const docs: Handler<'getDocs'> = async ({ headers }) => ({
    status: 200,
    headers: { ...CACHED, ...VARY, 'Content-Security-Policy': contract.docsCsp },
    ...(await served('docsHtml', headers['Accept-Encoding'])),
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
