import { describe, expect, it } from 'vitest';
import { invitationCodeFrom } from './invitation-code';

describe('invitationCodeFrom', () => {
  it.each([
    ['a code as typed', 'abc123', 'abc123'],
    ['a code with surrounding spaces', '  abc123 \n', 'abc123'],
    ['the whole link from the e-mail', 'https://wegweiser.example/survey/abc123', 'abc123'],
    ['a link with a query and fragment', 'https://wegweiser.example/survey/abc123?lang=ar#top', 'abc123'],
    [
      'the link from the e-mail (token in the fragment)',
      'https://wegweiser.example/survey?lang=ar#abc123',
      'abc123',
    ],
    ['a link without a language', 'https://wegweiser.example/survey#abc123', 'abc123'],
    ['nothing', '   ', ''],
  ])('takes the code from %s', (_case, input, expected) => {
    expect(invitationCodeFrom(input)).toBe(expected);
  });
});
