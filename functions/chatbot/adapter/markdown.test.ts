import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { plainAsMarkdown } from './markdown';

// The renderer Web Chat uses: what a visitor sees must be the plain text, with clickable addresses.
const renderer = new MarkdownIt();
const rendered = (text: string) => renderer.render(plainAsMarkdown(text));

describe('plain replies sent as markdown', () => {
  it('turns web addresses into links and keeps the sentence punctuation outside them', () => {
    const html = rendered('Mehr dazu: https://wegweiser.example/concept#ziele.');
    expect(html).toContain(
      '<a href="https://wegweiser.example/concept#ziele">https://wegweiser.example/concept#ziele</a>.',
    );
  });

  it('shows formatting characters as they are written', () => {
    const text = '*Sprachcafé* _mittwochs_ [Anmeldung](https://evil.example) <b>frei</b> `Code` # 1';
    const html = rendered(text);
    expect(html).not.toMatch(/<em>|<strong>|<code>|<b>/);
    expect(html).toContain('*Sprachcafé* _mittwochs_ [Anmeldung](');
    // An address stays visible as itself: no link text can hide where a link goes.
    for (const [, href, label] of html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) expect(label).toBe(href);
    expect(html).toContain('&lt;b&gt;frei&lt;/b&gt;');
  });

  it('keeps line breaks and list-like lines of the answers summary', () => {
    const html = rendered('Angebote:\n- Deutschkurs\n- Nähtreff\n1. Schritt\n\nEnde');
    expect(html).not.toContain('<li>');
    expect(html).toContain('Angebote:<br>\n- Deutschkurs<br>\n- Nähtreff<br>\n1. Schritt</p>');
    expect(html).toContain('<p>Ende</p>');
  });

  it('leaves right-to-left text untouched', () => {
    expect(rendered('مرحبا بكم')).toBe('<p>مرحبا بكم</p>\n');
  });
});
