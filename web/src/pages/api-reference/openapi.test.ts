import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../../functions/platform/openapi';
import { type OpenApiDocument, operationsByTag } from './openapi';

describe('operationsByTag', () => {
  const document = openApiDocument({ includeLocalOnly: true }) as OpenApiDocument;
  const groups = operationsByTag(document);
  const all = groups.flatMap(([, operations]) => operations);

  it('lists every operation of the generated document exactly once', () => {
    const expected = Object.values(document.paths ?? {}).flatMap((item) => Object.keys(item)).length;
    expect(all).toHaveLength(expected);
  });

  it('groups operations by their tag', () => {
    const platform = groups.find(([tag]) => tag === 'Platform')?.[1] ?? [];
    expect(platform.map((operation) => operation.path)).toContain('/api/health');
  });

  it('carries method, access kind, local-only mark, body and responses', () => {
    const signIn = all.find((operation) => operation.path === '/api/dev/sign-in');
    expect(signIn).toMatchObject({ method: 'POST', access: 'public', localOnly: true });
    expect(signIn?.requestBody?.mediaType).toBe('application/json');
    expect(signIn?.responses[0]?.statuses).toEqual(['200']);
    const me = all.find((operation) => operation.path === '/api/staff/me');
    expect(me).toMatchObject({ method: 'GET', access: 'member', localOnly: false });
    expect(me?.parameters.map((parameter) => parameter.name)).toEqual(['lang']);
  });

  it('lists the statuses that share an answer together', () => {
    const me = all.find((operation) => operation.path === '/api/staff/me');
    const problems = me?.responses.find((response) => response.mediaType === 'application/problem+json');
    expect(problems?.statuses).toEqual(expect.arrayContaining(['400', '401', '403', '500']));
    expect(me?.responses).toHaveLength(2);
  });

  it('copes with an empty document', () => {
    expect(operationsByTag({})).toEqual([]);
  });
});
