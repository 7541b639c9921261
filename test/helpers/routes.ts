import { z } from 'zod';
import { routeTable } from '../../server/api/routes';
import { withContract, type ContractedRoute } from '../../server/api/route-table';
import { noBody } from '../../server/commands/operation';
import { loadConfig } from '../../server/config';

/** The route tags of accounts, organisations, trajectories, topics, permissions and the audit log. */
export const accountFeatureTags = ['auth', 'invitations', 'trajectories', 'members', 'topics', 'audit', 'admin'];
/** The route tags of dialogue sessions and polls (the live table). */
export const sessionFeatureTags = ['sessions', 'polls'];
/** The route tags of the draft agreement: structure, comments, amendments, versions. */
export const agreementFeatureTags = ['agreement'];
/** The route tags of questions and answers (nota van inlichtingen). */
export const questionFeatureTags = ['questions'];
/** The route tags of consultations on the draft agreement (reactienota). */
export const consultationFeatureTags = ['consultations'];
/** The route tags of session reports (verslagen). */
export const reportFeatureTags = ['reports'];
/** The route tags of agreements (afspraken) per topic and the topic's chain from input to outcome. */
export const outcomeFeatureTags = ['outcomes'];
/** The route tags of the definitive agreement and its sign-off. */
export const finalFeatureTags = ['final'];
/** The route tags of search across a trajectory. */
export const searchFeatureTags = ['search'];
/** The route tags of attachments (files on topics, clauses, sessions, questions, answers and consultations). */
export const attachmentFeatureTags = ['attachments'];
/** The route tags of admission under Open House (the review inside a trajectory; the public routes name no trajectory scope). */
export const admissionFeatureTags = ['admission'];

/** Path parameters that name something inside one trajectory: a route with one of them is decided by the trajectory's policy. */
export const trajectoryScopedParams = ['trajectoryId', 'sessionId', 'pollId'];
export const isTrajectoryScoped = (route: Pick<ApiRoute, 'path'>) => pathParams(route.path).some((p) => trajectoryScopedParams.includes(p));

export interface ApiRoute extends Pick<ContractedRoute, 'method' | 'path' | 'operationId'> {
  tag: string;
  public: boolean | undefined;
  /** The operation's body schema. */
  body: z.ZodType;
  /** False for operations that ignore the body (e.g. sign-out). */
  takesBody: boolean;
  /** True when the path parameters are merged into the body (their values win over the body's). */
  mergeParams: boolean;
}

/** Every REST route the server mounts under /api, from the same table the server uses. */
export function apiRoutes(): ApiRoute[] {
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'test-only-secret-of-at-least-32-characters', DEMO: '0' });
  return routeTable(config)
    .map(withContract)
    .map(({ method, path, operationId, doc, operation }) => ({
      method,
      path,
      operationId,
      tag: doc.tag,
      public: doc.public,
      body: operation.body,
      takesBody: operation.body !== noBody,
      mergeParams: doc.paramsInBody === true,
    }));
}

export const routeKey = (route: Pick<ApiRoute, 'method' | 'path'>) => `${route.method.toUpperCase()} ${route.path}`;

/** The names of a route's path parameters, e.g. ['trajectoryId', 'topicId']. */
export const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** Fills `:name` parameters; throws when one is missing so a new route cannot go untested silently. */
export function fillPath(path: string, params: Record<string, string | undefined>): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

export const hasBody = (route: Pick<ApiRoute, 'method'>) => route.method === 'post' || route.method === 'patch' || route.method === 'put';

/** The top-level field names a JSON body schema knows (objects and unions of objects). */
export function bodyFields(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) {
    return [...new Set((schema.options as z.ZodType[]).flatMap((o) => bodyFields(o)))];
  }
  if (schema instanceof z.ZodPipe) return bodyFields(schema.in as z.ZodType);
  return [];
}
