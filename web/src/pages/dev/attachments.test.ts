import { describe, expect, it } from 'vitest';
import { bytesFromBase64, safeContentType } from './attachments';

describe('bytesFromBase64', () => {
  it('decodes text and binary content byte for byte', () => {
    expect(
      new TextDecoder().decode(bytesFromBase64(Buffer.from('Grüß Gott', 'utf8').toString('base64'))),
    ).toBe('Grüß Gott');
    expect([...bytesFromBase64('AP8QgA==')]).toEqual([0, 255, 16, 128]);
  });

  it('ignores line breaks inside the base64 text', () => {
    expect(new TextDecoder().decode(bytesFromBase64('SGFs\nbG8='))).toBe('Hallo');
  });
});

describe('safeContentType', () => {
  it.each([
    ['application/pdf', 'application/pdf'],
    ['text/calendar; charset=utf-8', 'text/calendar'],
    ['TEXT/CSV', 'text/csv'],
    ['text/html', 'application/octet-stream'],
    ['image/svg+xml', 'application/octet-stream'],
    ['application/javascript', 'application/octet-stream'],
    ['', 'application/octet-stream'],
  ])('hands %j over as %j', (given, expected) => {
    expect(safeContentType(given)).toBe(expected);
  });
});
