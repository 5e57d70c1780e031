import type { Access } from '../../../../functions/shared/http/route';

/** The parts of the API's OpenAPI 3.1 document (see functions/platform/openapi.ts) this page shows. */
export interface OpenApiDocument {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, RawOperation | undefined>>;
  components?: { schemas?: Record<string, unknown> };
}

interface RawOperation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  'x-access'?: string;
  'x-local-only'?: boolean;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

export interface Operation {
  id: string;
  method: string;
  path: string;
  summary: string;
  access: Access | undefined;
  localOnly: boolean;
  parameters: { name: string; location: string; required: boolean; schema: unknown }[];
  requestBody: { mediaType: string; schema: unknown } | undefined;
  /** Statuses with the same answer (all the problem details, typically) share one entry. */
  responses: { statuses: string[]; description: string; mediaType: string | undefined; schema: unknown }[];
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
const accessKinds: readonly string[] = [
  'public',
  'invitation',
  'member',
  'staff',
  'admin',
  'steering',
  'bot',
] satisfies Access[];

function firstContent(content: Record<string, { schema?: unknown }> | undefined) {
  const [mediaType, entry] = Object.entries(content ?? {})[0] ?? [];
  return mediaType ? { mediaType, schema: entry?.schema } : undefined;
}

function groupResponses(responses: NonNullable<RawOperation['responses']>): Operation['responses'] {
  const groups = new Map<string, Operation['responses'][number]>();
  for (const [status, response] of Object.entries(responses)) {
    const content = firstContent(response.content);
    const answer = {
      description: response.description ?? '',
      mediaType: content?.mediaType,
      schema: content?.schema,
    };
    const sameAnswer = JSON.stringify(answer);
    const group = groups.get(sameAnswer);
    if (group) group.statuses.push(status);
    else groups.set(sameAnswer, { statuses: [status], ...answer });
  }
  return [...groups.values()];
}

/** The operations of the document grouped by their first tag, in the document's order. */
export function operationsByTag(document: OpenApiDocument): [string, Operation[]][] {
  const groups = new Map<string, Operation[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const raw = item[method];
      if (!raw) continue;
      const access = raw['x-access'];
      const operation: Operation = {
        id: raw.operationId ?? `${method}-${path}`,
        method: method.toUpperCase(),
        path,
        summary: raw.summary ?? '',
        access: access && accessKinds.includes(access) ? (access as Access) : undefined,
        localOnly: raw['x-local-only'] === true,
        parameters: (raw.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          location: parameter.in,
          required: parameter.required === true,
          schema: parameter.schema,
        })),
        requestBody: firstContent(raw.requestBody?.content),
        responses: groupResponses(raw.responses ?? {}),
      };
      const tag = raw.tags?.[0] ?? '';
      groups.set(tag, [...(groups.get(tag) ?? []), operation]);
    }
  }
  return [...groups];
}

/** A schema as indented JSON, for reading. */
export function readableJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A small schema (a parameter's) on one line. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value) ?? '';
}
