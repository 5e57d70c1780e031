import { z } from 'zod';
import { routeEntries } from '../routes';
import { problemStatus } from '../shared/http/problem';
import { allowedGroups, needsSignIn, type RouteContract } from '../shared/http/route';
import { accessTokenHeader } from '../shared/links/token-links';

const ProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  correlationId: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), reason: z.string() })).optional(),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

function parameters(route: RouteContract) {
  const list: Record<string, unknown>[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({
        name,
        in: location,
        required: location === 'path' || (object.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return list;
}

function security(route: RouteContract) {
  if (needsSignIn(route.access)) return [{ staffJwt: [] }];
  if (route.access === 'bot') return [{ botFramework: [] }];
  if (route.access === 'invitation') return [{ linkToken: [] }];
  return [];
}

function errorStatuses(route: RouteContract): number[] {
  // Every route: 403 for a request that bypassed CloudFront, 503 when the store stayed unavailable.
  const statuses = new Set<number>([400, 403, 500, problemStatus.unavailable]);
  if (route.body) for (const status of [413, 415]) statuses.add(status);
  if (needsSignIn(route.access)) for (const status of [401, 403]) statuses.add(status);
  if (route.params || route.access === 'invitation') statuses.add(404);
  if (route.method !== 'GET') statuses.add(problemStatus.conflict);
  if (route.upstream) statuses.add(problemStatus.bad_gateway);
  return [...statuses].sort();
}

/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
export function openApiDocument(options: { includeLocalOnly: boolean; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, route] of routeEntries) {
    if (route.localOnly && !options.includeLocalOnly) continue;
    const success = String(route.successStatus ?? 200);
    const responseContent =
      'mediaType' in route.response
        ? {
            [route.response.mediaType]: route.response.schema
              ? { schema: jsonSchema(route.response.schema, 'output') }
              : {},
          }
        : { 'application/json': { schema: jsonSchema(route.response as z.ZodType, 'output') } };
    const responses: Record<string, unknown> = {
      [success]:
        success === '204' ? { description: 'Done' } : { description: 'Success', content: responseContent },
    };
    for (const status of errorStatuses(route)) {
      responses[String(status)] = {
        description: 'Problem details (RFC 9457), localized by Accept-Language or ?lang=',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: id,
      ...(needsSignIn(route.access) ? { 'x-groups': allowedGroups(route) } : {}),
      summary: route.summary,
      tags: [route.tag],
      'x-access': route.access,
      'x-function': route.function,
      parameters: parameters(route),
      security: security(route),
      responses,
    };
    if (route.localOnly) operation['x-local-only'] = true;
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    }
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Wegweiser API',
      version: '1.0.0',
      description:
        'The HTTP API of Wegweiser, the Integrationskonzeption of Landkreis Würzburg: survey intake, offerings, chatbot, interviews and evaluation.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: options.serverUrl ?? '/' }],
    paths,
    components: {
      schemas: { ProblemDetails: jsonSchema(ProblemDetails, 'output') },
      securitySchemes: {
        staffJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token (cloud) or development sign-in token (local)',
        },
        botFramework: { type: 'http', scheme: 'bearer', description: 'Bot Framework channel token' },
        linkToken: {
          type: 'apiKey',
          in: 'header',
          name: accessTokenHeader,
          description:
            'The token of a survey, booking or registration link. Links carry it in the URL fragment (`/survey?lang=de#<token>`), which no server sees; the page sends it in this header, which no log records. Missing or malformed: 400 naming the header.',
        },
      },
    },
  };
}
