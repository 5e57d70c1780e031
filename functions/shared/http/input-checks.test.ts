import { describe, expect, it } from 'vitest';
import { routeEntries } from '../../routes';
import { jsonSchemaOf } from '../testing/samples';
import { characterIssues, decodeBody, hasInvalidCharacters, tooDeepField } from './input-checks';
import { defaultMaxJsonDepth } from './route';

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
}

/** How deep a body the schema describes can nest (objects and arrays each count one level). */
function schemaDepth(schema: Schema, defs: Record<string, Schema>, seen: Set<string>): number {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/$defs/', '');
    if (seen.has(name)) return Number.POSITIVE_INFINITY;
    const target = defs[name];
    return target ? schemaDepth(target, defs, new Set([...seen, name])) : 0;
  }
  const children = [
    ...Object.values(schema.properties ?? {}),
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
    ...(schema.items ? [schema.items] : []),
    ...(schema.prefixItems ?? []),
  ];
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const own = types.includes('object') || types.includes('array') ? 1 : 0;
  return Math.max(
    own + Math.max(0, ...children.map((child) => schemaDepth(child, defs, seen))),
    ...alternatives.map((alternative) => schemaDepth(alternative, defs, seen)),
  );
}

/** The smallest bound the text passes: its nesting depth. */
function depthOf(text: string): number {
  let limit = 0;
  while (tooDeepField(text, limit, 'body') !== undefined) limit++;
  return limit;
}

describe('the nesting bound', () => {
  it.each(routeEntries.filter(([, route]) => route.body).map(([id, route]) => [id, route] as const))(
    'lets every body the schema of %s describes through',
    (_id, route) => {
      if (!route.body) throw new Error('filtered to routes with a body');
      const json = jsonSchemaOf(route.body) as Schema;
      const depth = schemaDepth(json, json.$defs ?? {}, new Set());
      expect(depth).toBeGreaterThan(0);
      expect(depth).toBeLessThanOrEqual(route.maxJsonDepth ?? defaultMaxJsonDepth);
    },
  );

  it('lets a Teams adaptive card submit with a card attachment through the bot route', () => {
    const column = (items: unknown[]) => ({ type: 'Column', items });
    const container = (items: unknown[]) => ({ type: 'Container', items });
    let card: unknown = { type: 'TextBlock', text: 'Deutschkurs' };
    // Six levels of containers in column sets, deeper than cards people write by hand.
    for (let level = 0; level < 6; level++)
      card = container([{ type: 'ColumnSet', columns: [column([card])] }]);
    const activity = {
      type: 'message',
      channelId: 'msteams',
      value: { action: 'topic', data: { answers: { q1: ['a', 'b'] } } },
      channelData: { tenant: { id: 't' }, source: { name: 'message' }, legacy: { replyToId: 'x' } },
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [card] } }],
    };
    const botRoute = routeEntries.find(([id]) => id === 'botMessages')?.[1];
    const depth = depthOf(JSON.stringify(activity));
    expect(depth).toBeGreaterThan(defaultMaxJsonDepth);
    expect(depth).toBeLessThanOrEqual(botRoute?.maxJsonDepth ?? 0);
  });

  it('names the top-level member the nesting is under, without recursing', () => {
    const levels = 1_000_000;
    const text = `{"text":"[[[[","value":${'['.repeat(levels)}${']'.repeat(levels)}}`;
    expect(tooDeepField(text, 32, 'body')).toBe('body.value');
    expect(tooDeepField(`[1,"]]",${'['.repeat(40)}${']'.repeat(40)}]`, 32, 'body')).toBe('body.2');
    expect(tooDeepField('{"a":{"b":[1,2,{"c":"{{{{{{{{"}]}}', 4, 'body')).toBeUndefined();
    expect(tooDeepField('{"a":{"b":[1,2,{"c":{}}]}}', 4, 'body')).toBe('body.a');
    expect(tooDeepField('{"a\\"b":[[]]}', 2, 'body')).toBe('body.a"b');
  });
});

describe('the character check', () => {
  it('refuses lone surrogates, NUL and replacement characters, and keeps real text', () => {
    expect(hasInvalidCharacters(JSON.parse('"Caf\\uD800e"'))).toBe(true);
    expect(hasInvalidCharacters(JSON.parse('"\\uDC00 am Anfang"'))).toBe(true);
    expect(hasInvalidCharacters('Ende\uD83D')).toBe(true);
    expect(hasInvalidCharacters('a\u0000b')).toBe(true);
    expect(hasInvalidCharacters('M\uFFFDnchen')).toBe(true);
    expect(hasInvalidCharacters('Würzburg 😀 مرحبا Привіт سلام Türkçe')).toBe(false);
  });

  it('names the path of every string that may not be stored', () => {
    const body = {
      answers: { institution: { name: 'Verein\u0000', city: 'Ochsenfurt' } },
      list: ['ok', JSON.parse('"\\uD800"')],
      'key\u0000': 'value',
    };
    expect(
      characterIssues(body, 'body')
        .map((issue) => `${issue.field} ${issue.code}`)
        .sort(),
    ).toEqual([
      'body.answers.institution.name invalid_characters',
      'body.key invalid_characters',
      'body.list.1 invalid_characters',
    ]);
  });

  it('decodes base64 bodies strictly', () => {
    const valid = Buffer.from('{"name":"Würzburg"}', 'utf8').toString('base64');
    expect(decodeBody(valid, true)).toBe('{"name":"Würzburg"}');
    const broken = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]).toString(
      'base64',
    );
    expect(decodeBody(broken, true)).toBeUndefined();
    // An encoded surrogate (CESU-8) is not UTF-8 either.
    expect(decodeBody(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]).toString('base64'), true)).toBeUndefined();
  });
});
