// The edge's middleware run as one Express layer instead of one layer each. Express's router
// pays for every layer it walks on every request (its next(), the layer's path match, the
// promise check); the edge is about twenty layers deep, all mounted at '/', so that walk was a
// fixed cost of every request, /health included (docs/BENCHMARKS.md). Semantics are the
// router's for middleware mounted at '/': each runs in order when the one before calls next();
// next(error), a thrown error or a rejected promise skips the rest and hands the error on.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export function pipeline(handlers: readonly RequestHandler[]): RequestHandler {
  const steps = [...handlers];
  const count = steps.length;
  return (req: Request, res: Response, done: NextFunction): void => {
    let index = 0;
    const next = (error?: unknown): void => {
      // 'route' and 'router' mean something to the router only: it gets them as given.
      if (error !== undefined && error !== null) return done(error);
      if (index === count) return done();
      const step = steps[index++]!;
      let returned: unknown;
      try {
        returned = step(req, res, next);
      } catch (thrown) {
        return done(thrown);
      }
      if (returned instanceof Promise)
        returned.then(undefined, (rejected: unknown) =>
          done(rejected ?? new Error('Rejected promise')),
        );
    };
    next();
  };
}
