// Fields that our middleware adds to every Express request.
declare global {
  namespace Express {
    interface Request {
      /** Set by middleware/request-id.ts before anything else runs. */
      id: string;
    }
  }
}

export {};
