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

/** Routes behind the Cognito JWT authorizer; the handlers check the groups (`admin`, `steering`) themselves. */
export function needsStaffToken(route: Pick<RouteContract, 'access'>): boolean {
  return needsSignIn(route.access);
}
