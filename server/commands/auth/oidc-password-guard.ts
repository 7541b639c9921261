import type { z } from 'zod';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import type { Operation } from '../operation';

/** The one refusal of every password route when PASSWORD_SIGNIN=0. */
function passwordsOff(): AppError {
  return new AppError('forbidden', 'Signing in with a password is turned off here. Sign in with your organisation account.');
}

/**
 * A password operation that refuses when passwords are off (PASSWORD_SIGNIN=0), before anything
 * is read. `when` narrows it to the requests that use a password (accepting an invitation stays
 * possible for someone signed in through their organisation). Same name, params and body schema,
 * so the route table and its documentation do not change.
 */
export function unlessPasswordsOff<P extends z.ZodType, B extends z.ZodType, R>(
  config: Config,
  operation: Operation<P, B, R>,
  when: (body: unknown) => boolean = () => true,
): Operation<P, B, R> {
  if (config.passwordSignIn) return operation;
  const guarded = async (...args: Parameters<Operation<P, B, R>>): Promise<R> => {
    if (when(args[1].body)) throw passwordsOff();
    return operation(...args);
  };
  return Object.assign(guarded, { operationName: operation.operationName, params: operation.params, body: operation.body }) as Operation<P, B, R>;
}

/** Whether a request body carries a password (an invitation accepted by making a password account). */
export const carriesPassword = (body: unknown) => typeof body === 'object' && body !== null && 'password' in body;
