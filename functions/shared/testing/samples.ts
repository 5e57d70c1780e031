import { z } from 'zod';

/**
 * Generators of sample values from zod schemas (through their JSON Schema), seeded so a failing
 * case can be replayed. `validSample` gives values the schema accepts; `malformedVariants` turns one
 * into values it must refuse. Written here because zod-fast-check supports zod 3 only.
 */
export type Random = () => number;

/** Mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  uniqueItems?: boolean;
};

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const words = [
  'Deutschkurs',
  'Beratung',
  'Ochsenfurt',
  'Würzburg',
  'Jugend',
  'مرحبا',
  'Привіт',
  'Merhaba',
  'کلاس',
  'Café',
];

function sampleString(schema: JsonSchema, random: Random): string {
  switch (schema.format) {
    case 'email':
      return `person${int(random, 1, 999)}@example.org`;
    case 'uri':
    case 'url':
      return `https://example.org/${int(random, 1, 999)}`;
    case 'uuid':
      return crypto.randomUUID();
    case 'date-time':
      return new Date(
        Date.UTC(2026, int(random, 0, 11), int(random, 1, 28), int(random, 0, 23)),
      ).toISOString();
    case 'date':
      return `2026-${String(int(random, 1, 12)).padStart(2, '0')}-${String(int(random, 1, 28)).padStart(2, '0')}`;
    case 'time':
      return `${String(int(random, 0, 23)).padStart(2, '0')}:${String(int(random, 0, 5) * 10).padStart(2, '0')}`;
  }
  if (schema.pattern) return samplePattern(schema.pattern, random);
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  let text = '';
  while (text.length < min) text += `${pick(random, words)} `;
  text = text.trim();
  if (text.length < min) text = text.padEnd(min, 'x');
  const target = int(random, min, max);
  while (text.length < target) text = `${text} ${pick(random, words)}`.trim();
  return [...text].slice(0, max).join('').padEnd(min, 'x');
}

/** Handles the simple patterns our schemas use (character classes with a quantifier). */
function samplePattern(pattern: string, random: Random): string {
  const known: Record<string, () => string> = {
    '^[a-z]+$': () => 'abc',
    '^\\d{5}$': () => String(int(random, 10000, 99999)),
  };
  const make = known[pattern];
  if (make) return make();
  const classMatch = /^\^\[([^\]]+)\](?:\{(\d+)(?:,(\d+))?\}|\+)\$$/.exec(pattern);
  if (classMatch) {
    const alphabet = (classMatch[1] ?? 'a')
      .replace(/a-z/g, 'abcdefghijklmnopqrstuvwxyz')
      .replace(/A-Z/g, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
      .replace(/0-9/g, '0123456789')
      .replace(/\\d/g, '0123456789')
      .replace(/\\w/g, 'abcdefghijklmnopqrstuvwxyz0123456789_')
      .replace(/\\-/g, '-');
    const min = Number(classMatch[2] ?? 1);
    const max = Number(classMatch[3] ?? classMatch[2] ?? 12);
    return Array.from({ length: int(random, min, max) }, () => pick(random, [...alphabet])).join('');
  }
  throw new Error(`samplePattern: unsupported pattern ${pattern}`);
}

function sampleFrom(schema: JsonSchema, random: Random, depth: number): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return pick(random, schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const usable = alternatives.filter((alternative) => alternative.type !== 'null');
    return sampleFrom(pick(random, usable.length > 0 ? usable : alternatives), random, depth);
  }
  if (schema.allOf?.[0]) return sampleFrom(schema.allOf[0], random, depth);
  const type = Array.isArray(schema.type)
    ? pick(
        random,
        schema.type.filter((t) => t !== 'null'),
      )
    : schema.type;
  switch (type) {
    case 'string':
      return sampleString(schema, random);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const max =
        schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 100);
      const value = min + random() * (max - min);
      return type === 'integer'
        ? Math.round(Math.min(Math.max(value, Math.ceil(min)), Math.floor(max)))
        : value;
    }
    case 'boolean':
      return random() < 0.5;
    case 'null':
      return null;
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 3, Math.max(min, depth > 2 ? min : 3));
      const length = int(random, min, max);
      const items: unknown[] = [];
      for (let attempt = 0; items.length < length && attempt < length * 10; attempt += 1) {
        const item = sampleFrom(schema.items ?? {}, random, depth + 1);
        if (schema.uniqueItems && items.some((existing) => JSON.stringify(existing) === JSON.stringify(item)))
          continue;
        items.push(item);
      }
      return items;
    }
    case 'object': {
      const result: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(name) || random() < 0.6) result[name] = sampleFrom(property, random, depth + 1);
      }
      return result;
    }
    default:
      return schema.default ?? null;
  }
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
}

/** A value the schema accepts (retrying a few seeds where refinements reject a sample). */
export function validSample(schema: z.ZodType, random: Random): unknown {
  const json = jsonSchemaOf(schema);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const candidate = sampleFrom(json, random, 0);
    if (schema.safeParse(candidate).success) return candidate;
  }
  throw new Error('validSample: no accepted sample found in 20 attempts');
}

/** Values derived from a valid one that the schema must refuse, each with what was broken. */
export function malformedVariants(
  schema: z.ZodType,
  valid: unknown,
  random: Random,
): { what: string; value: unknown }[] {
  const json = jsonSchemaOf(schema);
  const variants: { what: string; value: unknown }[] = [
    { what: 'null', value: null },
    { what: 'array instead of object', value: [valid] },
    { what: 'number', value: int(random, -1000, 1000) },
    { what: 'string', value: pick(random, words) },
  ];
  if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
    const record = valid as Record<string, unknown>;
    if (json.additionalProperties === false) {
      variants.push({ what: 'unknown field', value: { ...record, [`unexpected${int(random, 1, 99)}`]: 1 } });
    }
    for (const name of json.required ?? []) {
      const { [name]: _dropped, ...rest } = record;
      variants.push({ what: `missing ${name}`, value: rest });
    }
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const wrong =
        property.type === 'string' ? int(random, 0, 9) : property.type === 'array' ? 'text' : [1, 2];
      variants.push({ what: `wrong type for ${name}`, value: { ...record, [name]: wrong } });
      if (property.type === 'string' && property.maxLength !== undefined) {
        variants.push({
          what: `too long ${name}`,
          value: { ...record, [name]: 'x'.repeat(property.maxLength + 1) },
        });
      }
      if (property.type === 'array' && property.maxItems !== undefined) {
        const items = Array.from({ length: property.maxItems + 1 }, (_, i) =>
          Array.isArray(record[name]) ? (record[name] as unknown[])[0] : i,
        );
        variants.push({ what: `too many ${name}`, value: { ...record, [name]: items } });
      }
    }
  }
  return variants.filter((variant) => !schema.safeParse(variant.value).success);
}
