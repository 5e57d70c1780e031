import type { Language } from './languages';

/**
 * Counted texts in the content files use ICU's plural syntax, so each language states its own forms
 * (Arabic has six, German two) under the same key:
 * `{count, plural, =0 {keine Maßnahme} one {# Maßnahme} other {# Maßnahmen}}`. `#` is the number,
 * written with Latin digits like every other number on the site.
 */
export function formatPlural(template: string, language: Language, count: number): string {
  const start = template.search(/\{\w+,\s*plural,/);
  if (start < 0) return template;
  const header = template.slice(start).match(/^\{\w+,\s*plural,/)?.[0] ?? '';
  const options = new Map<string, string>();
  let index = start + header.length;
  let end = template.length;
  while (index < template.length) {
    const rest = template.slice(index);
    const selector = rest.match(/^\s*(=\d+|zero|one|two|few|many|other)\s*\{/);
    if (!selector) {
      end = index + (rest.match(/^\s*\}/)?.[0].length ?? 0);
      break;
    }
    let depth = 1;
    let cursor = index + selector[0].length;
    const bodyStart = cursor;
    while (cursor < template.length && depth > 0) {
      if (template[cursor] === '{') depth += 1;
      if (template[cursor] === '}') depth -= 1;
      cursor += 1;
    }
    options.set(selector[1] ?? 'other', template.slice(bodyStart, cursor - 1));
    index = cursor;
  }
  const category = new Intl.PluralRules(language).select(count);
  const chosen = options.get(`=${count}`) ?? options.get(category) ?? options.get('other') ?? '';
  const number = new Intl.NumberFormat(`${language}-u-nu-latn`).format(count);
  return `${template.slice(0, start)}${chosen.replaceAll('#', number)}${template.slice(end)}`;
}
