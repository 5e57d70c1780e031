import { type RouteId, routeEntries } from '../functions/routes';
import {
  type FunctionName,
  functionNames,
  needsSignIn,
  type RouteContract,
} from '../functions/shared/http/route';

/** The routes API Gateway serves: the whole route table except the local-only routes. */
export const cloudRoutes: [RouteId, RouteContract][] = routeEntries.filter(([, route]) => !route.localOnly);

/** The feature functions with at least one cloud route; one with only local-only routes (`dev`) is never deployed. */
export const deployedFunctionNames: FunctionName[] = functionNames.filter((name) =>
  cloudRoutes.some(([, route]) => route.function === name),
);

/**
 * Routes behind the Cognito JWT authorizer. An HTTP API's JWT authorizer checks scopes, not groups (and
 * Cognito's ID tokens carry no scopes), so it checks the token and the handler checks its groups against
 * the route's access (`allowedGroups`): both follow the route table.
 */
export function needsStaffToken(route: Pick<RouteContract, 'access'>): boolean {
  return needsSignIn(route.access);
}
