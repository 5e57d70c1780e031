import { describe, expect, it } from 'vitest';
import de from '../../content/messages/de.json';
import { createTranslator } from './i18n';

describe('createTranslator', () => {
  it('takes texts from the chosen language and fills placeholders', () => {
    const english = structuredClone(de);
    english.staff.signedInAs = 'Signed in as {email}';
    const { t, dir } = createTranslator('en', english);
    expect(t('staff.signedInAs', { email: 'a@b.de' })).toBe('Signed in as a@b.de');
    expect(dir).toBe('ltr');
  });

  it('falls back to German for a missing text or a missing language file', () => {
    const partial = { app: { name: 'Wegweiser' } } as unknown as typeof de;
    expect(createTranslator('ar', partial).t('nav.imprint')).toBe(de.nav.imprint);
    expect(createTranslator('fa', undefined).t('home.title')).toBe(de.home.title);
    expect(createTranslator('fa', undefined).dir).toBe('rtl');
  });

  it('leaves placeholders without a value visible', () => {
    expect(createTranslator('de', de).t('staff.signedInAs')).toBe(de.staff.signedInAs);
  });
});
