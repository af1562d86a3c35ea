// Gives each request its own EntityManager (a fork with its own identity map), so no state
// leaks between requests. Repositories read it from orm.em, which resolves to this fork through
// MikroORM's `context` option (db/orm.ts).
//
// The fork is made on first use, not here: a request that never touches an entity (a product
// read, which is a plain row through sql.ts; the catalog list; /health) pays for no fork, and
// there is one AsyncLocalStorage per request, the request id's (utils/request-context.ts),
// instead of a second one of MikroORM's RequestContext. The fork lives in that request's own
// values, so two requests never share one.
//
// The liveness probe (the contract's getHealth, answered without the database and called by
// every pod's kubelet every few seconds) gets none at all. Should its handler ever need the
// database, it would find no request context: MikroORM refuses entity work on the global
// EntityManager (allowGlobalContext: false in db/orm.ts) instead of sharing one across requests.
import { RequestContext } from '@mikro-orm/core';
import type { RequestHandler } from 'express';
import type { OperationId } from '../../generated/operations.ts';
import type { Orm } from '../db/orm.ts';
import { currentRequestContext } from '../utils/request-context.ts';

const WITHOUT_DATABASE = new Set<OperationId>(['getHealth']);

/** What express-openapi-validator records on a request it matched to an operation. */
type Matched = { openapi?: { schema?: { operationId?: OperationId } } };

export function dbContext(orm: Orm): RequestHandler {
  // The fork MikroORM's RequestContext.create would make, without its resolution of the current
  // context (which would ask db/orm.ts's `context`, which asks this function: a loop).
  const fork = () => orm.em.fork({ useContext: true, disableContextResolution: true });
  return (req, _res, next) => {
    const id = (req as Matched).openapi?.schema?.operationId;
    if (id !== undefined && WITHOUT_DATABASE.has(id)) return next();
    const values = currentRequestContext();
    // Outside the request id's context (an app mounted without requestId()): MikroORM's own.
    if (values === undefined) return RequestContext.create(orm.em, next);
    let em: ReturnType<typeof fork> | undefined;
    let forking = false;
    values.entityManager = () => {
      // A fork being made asks for the current context itself: none yet, so it uses itself.
      if (em === undefined && !forking) {
        forking = true;
        try {
          em = fork();
        } finally {
          forking = false;
        }
      }
      return em;
    };
    next();
  };
}
