import { describe, expect, it } from 'vitest';
import { codeChallenge, cognitoBase } from './cognito';

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});

describe('cognitoBase', () => {
  it.each([
    [
      'wegweiser.auth.eu-central-1.amazoncognito.com',
      'https://wegweiser.auth.eu-central-1.amazoncognito.com',
    ],
    ['https://login.example.de/', 'https://login.example.de'],
  ])('turns %s into %s', (domain, base) => {
    expect(cognitoBase(domain)).toBe(base);
  });
});
