import type { RequestHandler } from 'express';
import { actorFromRequest } from '../auth/authenticate';
import type { Actor } from '../policies/actor';
import type { Services } from '../services';

declare module 'express-serve-static-core' {
  interface Request {
    actor: Actor;
  }
}

export function authenticateRequest(services: Services): RequestHandler {
  return async (req, _res, next) => {
    try {
      req.actor = await actorFromRequest(services, req);
      next();
    } catch (error) {
      next(error);
    }
  };
}
