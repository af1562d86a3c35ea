// Fields that our middleware adds to every Express request.
import type { Principal } from './request-meta.ts';

declare global {
  namespace Express {
    interface Request {
      /** Set by middleware/request-id.ts before anything else runs. */
      id: string;
      /** Set by middleware/auth.ts `authenticate` on routes that need a signed-in user. */
      principal?: Principal;
    }
  }
}

export {};
