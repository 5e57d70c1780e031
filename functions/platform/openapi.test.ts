import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { routeEntries } from '../routes';
import { openApiDocument } from './openapi';

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument({ includeLocalOnly: true }));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists every route of the route table, and local-only ones only where asked', () => {
    const local = openApiDocument({ includeLocalOnly: true });
    const cloud = openApiDocument({ includeLocalOnly: false });
    for (const [id, route] of routeEntries) {
      const operation = local.paths[route.path]?.[route.method.toLowerCase()] as
        | { operationId?: string }
        | undefined;
      expect(operation?.operationId, id).toBe(id);
      expect(Boolean(cloud.paths[route.path]?.[route.method.toLowerCase()]), id).toBe(!route.localOnly);
    }
  });

  it('documents the link token as a header security scheme on every link route, never a path parameter', () => {
    const document = openApiDocument({ includeLocalOnly: false });
    expect(document.components.securitySchemes.linkToken).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Wegweiser-Access-Token',
    });
    for (const [id, route] of routeEntries.filter(([, candidate]) => candidate.access === 'invitation')) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()] as {
        security: unknown;
        parameters: { name: string; in: string }[];
      };
      expect(operation.security, id).toEqual([{ linkToken: [] }]);
      expect(
        operation.parameters.filter((parameter) => /token/i.test(parameter.name)),
        id,
      ).toEqual([]);
    }
  });
});
