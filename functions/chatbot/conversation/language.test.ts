import { describe, expect, it } from 'vitest';
import { detectLanguage, requestedLanguage } from './language';

describe('asking for a language', () => {
  it.each([
    ['English please', 'en'],
    ['in English, please', 'en'],
    ['Deutsch bitte', 'de'],
    ['auf Deutsch', 'de'],
    ['Türkçe', 'tr'],
    ['Türkçe konuşalım', 'tr'],
    ['по-русски', 'ru'],
    ['на русском, пожалуйста', 'ru'],
    ['українською', 'uk'],
    ['العربية', 'ar'],
    ['بالعربي', 'ar'],
    ['فارسی', 'fa'],
  ])('"%s" asks for %s', (text, language) => {
    expect(requestedLanguage(text)).toBe(language);
  });

  it.each([['Almanca kursu'], ['Beratung auf Arabisch'], ['German course'], ['русскоговорящий врач']])(
    '"%s" is a question, not a request for a language',
    (text) => {
      expect(requestedLanguage(text)).toBeUndefined();
    },
  );
});

describe('the language of a message', () => {
  it('is not German just because it names a German place', () => {
    expect(detectLanguage('German course in Ochsenfurt', 'en')).not.toBe('de');
    expect(detectLanguage("Würzburg'da Almanca kursu var mı?", 'tr')).not.toBe('de');
  });
});
