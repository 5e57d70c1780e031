import type { FieldIssue } from '../domain/errors';

/**
 * Checks on what a caller sent that run before JSON.parse and zod: they bound the work a hostile body
 * can cause (nesting that makes JSON.stringify or a recursive walk overflow the stack) and keep text
 * that cannot be stored or shown faithfully (broken UTF-8, lone surrogates, NUL) out of the store.
 */

/**
 * A high surrogate not followed by a low one, or a low one not preceded by a high one (matched on code
 * units: no `u` flag). The same as `!String.prototype.isWellFormed()`, which the compiled lib lacks.
 */
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const loneSurrogate = new RegExp(loneSurrogates.source);

/** Strict decoding: a base64 body that is not valid UTF-8 is refused instead of silently repaired. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text, or undefined when its bytes are not valid UTF-8. */
export function decodeBody(body: string, isBase64Encoded: boolean | undefined): string | undefined {
  if (!isBase64Encoded) return body;
  try {
    return strictUtf8.decode(Buffer.from(body, 'base64'));
  } catch {
    return undefined;
  }
}

/**
 * The first place where `text` (JSON) nests deeper than `maximum`, as a field name, or undefined.
 * A linear scan counting brackets outside strings: no recursion and no parse, so a body of 100 000
 * opening brackets costs one pass over its bytes. The field names the top-level member the nesting is
 * under (`body.value`), which is as precise as is useful and keeps the answer small.
 */
export function tooDeepField(text: string, maximum: number, location: string): string | undefined {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let topIsObject = false;
  let topIndex = 0;
  let topKey: string | undefined;
  let stringStart = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (escaped) escaped = false;
      else if (char === 0x5c /* \ */) escaped = true;
      else if (char === 0x22 /* " */) {
        inString = false;
        if (depth === 1 && topIsObject) topKey = memberName(text.slice(stringStart, index + 1));
      }
      continue;
    }
    if (char === 0x22) {
      inString = true;
      stringStart = index;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth++;
      if (depth === 1) topIsObject = char === 0x7b;
      if (depth > maximum) {
        if (depth === 1) return location;
        return `${location}.${topIsObject ? (topKey ?? '') : String(topIndex)}`;
      }
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth--;
    } else if (char === 0x2c /* , */ && depth === 1) {
      topIndex++;
    }
  }
  return undefined;
}

function memberName(quoted: string): string {
  try {
    const name = JSON.parse(quoted) as string;
    return fieldSegment(name);
  } catch {
    return '';
  }
}

/** A member name fit to appear in a field path: the offending characters themselves are dropped. */
export function fieldSegment(name: string): string {
  return name.replace(loneSurrogates, '').replaceAll('\u0000', '').replaceAll('\uFFFD', '');
}

/**
 * Whether a string may be stored: well-formed UTF-16 (no lone surrogate, as `"\uD800"` in JSON yields),
 * no NUL, and no U+FFFD, which is what an upstream decoder (API Gateway, Node) puts where the bytes were
 * not valid UTF-8.
 */
export function hasInvalidCharacters(text: string): boolean {
  return text.includes('\u0000') || text.includes('\uFFFD') || loneSurrogate.test(text);
}

/** Enough to show a caller what to fix without letting a hostile body make the answer huge. */
const maximumReported = 20;

/**
 * Every string (values and member names) in a parsed value that may not be stored, as field issues
 * naming its path (`body.answers.institution.name`). Iterative, so the depth bound is not what keeps
 * it from overflowing the stack.
 */
export function characterIssues(value: unknown, location: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pending: [unknown, string][] = [[value, location]];
  while (pending.length > 0 && issues.length < maximumReported) {
    const [current, path] = pending.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (hasInvalidCharacters(current)) issues.push({ field: path, code: 'invalid_characters' });
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        pending.push([current[index], `${path}.${index}`]);
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [name, member] = entries[index] as [string, unknown];
        const memberPath = `${path}.${fieldSegment(name)}`;
        if (hasInvalidCharacters(name)) issues.push({ field: memberPath, code: 'invalid_characters' });
        else pending.push([member, memberPath]);
      }
    }
  }
  return issues.slice(0, maximumReported);
}
