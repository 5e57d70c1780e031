import { describe, expect, it } from 'vitest';
import { mailTextParts } from './mail-text';

describe('addresses in a plain-text mail', () => {
  it('turns http(s) addresses into links and keeps the rest as text', () => {
    expect(
      mailTextParts('Ihr Link: https://wegweiser.example/survey#abc123.\nFragen? mailto:x@example.org'),
    ).toEqual([
      { kind: 'text', text: 'Ihr Link: ' },
      { kind: 'link', href: 'https://wegweiser.example/survey#abc123' },
      { kind: 'text', text: '.\nFragen? mailto:x@example.org' },
    ]);
  });

  it('leaves sentence punctuation and closing quotes outside the link', () => {
    const parts = mailTextParts('(siehe „http://localhost:3000/interview/abc“), danke!');
    expect(parts.filter((part) => part.kind === 'link')).toEqual([
      { kind: 'link', href: 'http://localhost:3000/interview/abc' },
    ]);
    expect(parts.map((part) => (part.kind === 'text' ? part.text : part.href)).join('')).toBe(
      '(siehe „http://localhost:3000/interview/abc“), danke!',
    );
  });

  it('makes no link of javascript: or data: addresses, nor of text without an address', () => {
    expect(mailTextParts('javascript:alert(1) data:text/html,x')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x' },
    ]);
    expect(mailTextParts('')).toEqual([]);
  });
});
