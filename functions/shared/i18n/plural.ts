/**
 * Counted texts in the ICU MessageFormat plural form, e.g.
 * `{count, plural, one {# Einrichtung hat} other {# Einrichtungen haben}}`: each language writes only
 * the categories its grammar has (Russian and Ukrainian `one`/`few`/`many`, Arabic up to six), and
 * `Intl.PluralRules` picks one for the number; `other` is the fallback every block must have. `#`
 * stands for the number. Only this subset of ICU is understood; the rest of a text stays as it is.
 * No imports on purpose: the web bundle uses it too.
 */
export function formatPlurals(
  language: string,
  template: string,
  params: Record<string, string | number> = {},
): string {
  let out = '';
  let index = 0;
  const opening = /\{(\w+),\s*plural,/g;
  for (let match = opening.exec(template); match; match = opening.exec(template)) {
    const name = match[1] ?? '';
    const parsed = parseBlock(template, match.index + match[0].length);
    if (!parsed) break;
    const value = Number(params[name]);
    out += template.slice(index, match.index);
    if (Number.isFinite(value)) {
      const category = new Intl.PluralRules(language).select(value);
      const exact = parsed.forms.get(`=${value}`);
      const form = exact ?? parsed.forms.get(category) ?? parsed.forms.get('other') ?? '';
      out += form.replaceAll('#', String(value));
    } else {
      out += template.slice(match.index, parsed.end);
    }
    index = parsed.end;
    opening.lastIndex = parsed.end;
  }
  return out + template.slice(index);
}

/** Reads `one {…} other {…}}` from `start`; returns the forms and where the block ends. */
function parseBlock(text: string, start: number): { forms: Map<string, string>; end: number } | undefined {
  const forms = new Map<string, string>();
  let position = start;
  while (position < text.length) {
    while (/\s/.test(text[position] ?? '')) position += 1;
    if (text[position] === '}') return { forms, end: position + 1 };
    const selector = /^(=?\w+)\s*\{/.exec(text.slice(position));
    if (!selector) return undefined;
    let depth = 1;
    let cursor = position + selector[0].length;
    const bodyStart = cursor;
    while (cursor < text.length && depth > 0) {
      if (text[cursor] === '{') depth += 1;
      else if (text[cursor] === '}') depth -= 1;
      cursor += 1;
    }
    if (depth > 0) return undefined;
    forms.set(selector[1] ?? 'other', text.slice(bodyStart, cursor - 1));
    position = cursor;
  }
  return undefined;
}
