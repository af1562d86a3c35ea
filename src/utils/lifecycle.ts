// This instance's state as a load balancer should see it: draining (shutting down) turns
// readiness 503 and asks clients to close their connection, so traffic moves away before we
// stop; under pressure (the API's load shedding) readiness turns 503 too and new requests are
// refused until the load drops.
import type { Pressure } from './pressure.ts';

export interface Lifecycle {
  readonly draining: boolean;
  startDraining(): void;
  /** The API's load shedding (utils/pressure.ts); the worker has none. */
  readonly pressure: Pressure | undefined;
}

export function createLifecycle(pressure?: Pressure): Lifecycle {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    startDraining() {
      draining = true;
    },
    pressure,
  };
}
