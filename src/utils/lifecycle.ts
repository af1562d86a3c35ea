// Whether this process is draining (shutting down): readiness turns 503 and responses ask
// clients to close their connection, so a load balancer moves traffic away before we stop.
export interface Lifecycle {
  readonly draining: boolean;
  startDraining(): void;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    startDraining() {
      draining = true;
    },
  };
}
