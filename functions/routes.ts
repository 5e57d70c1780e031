import { z } from 'zod';
import { DevSignInRequest, OutboxPage, OutboxQuery, SignInToken } from './dev/schemas';
import { Health, SiteInfo } from './platform/schemas';
import type { RouteContract } from './shared/http/route';
import { StaffMember } from './staff/schemas';

/** Every route's query accepts `lang` to choose the answer's language over Accept-Language. */
const LanguageQuery = z.strictObject({ lang: z.string().max(10).optional() });

/**
 * The route table: the one source of truth for the HTTP API. The CDK stack builds API Gateway routes,
 * authorizers and functions from it, the local server its router, and the OpenAPI document its paths.
 * Adding an endpoint is one entry here plus its handler in the feature's `index.ts`.
 */
export const routes = {
  health: {
    method: 'GET',
    path: '/api/health',
    function: 'platform',
    access: 'public',
    tag: 'Platform',
    summary: 'Liveness of the API',
    query: LanguageQuery,
    response: Health,
  },
  openApiDocument: {
    method: 'GET',
    path: '/api/openapi.json',
    function: 'platform',
    access: 'public',
    tag: 'Platform',
    summary: 'This API as an OpenAPI 3.1 document',
    query: LanguageQuery,
    response: { mediaType: 'application/json' },
  },
  siteInfo: {
    method: 'GET',
    path: '/api/site',
    function: 'platform',
    access: 'public',
    tag: 'Platform',
    summary: 'Languages, the county details for the legal pages, and how staff sign in',
    query: LanguageQuery,
    response: SiteInfo,
  },
  currentStaffMember: {
    method: 'GET',
    path: '/api/staff/me',
    function: 'staff',
    access: 'staff',
    tag: 'Staff',
    summary: 'The signed-in staff member',
    query: LanguageQuery,
    response: StaffMember,
  },
  devSignIn: {
    method: 'POST',
    path: '/api/dev/sign-in',
    function: 'dev',
    access: 'public',
    tag: 'Local development',
    summary: 'Development sign-in (local stage only): a token shaped like a Cognito ID token',
    body: DevSignInRequest,
    query: LanguageQuery,
    response: SignInToken,
    localOnly: true,
  },
  devOutbox: {
    method: 'GET',
    path: '/api/dev/outbox',
    function: 'dev',
    access: 'public',
    tag: 'Local development',
    summary: 'Every e-mail the local stage "sent", newest first (local stage only)',
    query: OutboxQuery,
    response: OutboxPage,
    localOnly: true,
  },
} as const satisfies Record<string, RouteContract>;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
export type RouteIdsOf<F extends RouteContract['function']> = {
  [K in RouteId]: Routes[K]['function'] extends F ? K : never;
}[RouteId];

export const routeEntries = Object.entries(routes) as [RouteId, RouteContract][];
