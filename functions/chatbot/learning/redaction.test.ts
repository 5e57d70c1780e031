import { describe, expect, it } from 'vitest';
import { languageCodes } from '../../shared/i18n/languages';
import evalSet from '../eval/qa-eval-set.json';
import { isSmallTalk } from './learning';
import { placeholders, redactPersonalData } from './redaction';
import corpus from './redaction-corpus.json';

/** The word on its own, not as part of a longer one ("An" is not found in "Anmeldung"). */
const asWord = (word: string) =>
  new RegExp(`(?<![\\p{L}\\p{M}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'u');

describe('redactPersonalData', () => {
  it.each([
    [
      'de: name, e-mail and phone',
      'Hallo, ich heiße Ahmad Karimi. Meine Mail: ahmad.k@example.org, Tel. 0931 / 123 45 67',
      'Hallo, ich heiße [name]. Meine Mail: [email], Tel. [phone]',
    ],
    [
      'de: a greeting with a name',
      'Hallo Anna, wo gibt es Deutschkurse?',
      'Hallo [name], wo gibt es Deutschkurse?',
    ],
    [
      'de: a form of address',
      'Frau Müller hat gesagt, es gibt einen Kurs',
      'Frau [name] hat gesagt, es gibt einen Kurs',
    ],
    [
      'de: a sign-off',
      'Wann ist der Workshop? Viele Grüße, Anna Schmidt',
      'Wann ist der Workshop? Viele Grüße, [name]',
    ],
    ['de: a street address', 'Ich wohne in der Hauptstraße 12a', 'Ich wohne in der [address]'],
    [
      'en: name in lower case and a phone number',
      'my name is john smith, call +49 151 2345678',
      'my name is [name], call [phone]',
    ],
    ['ru', 'Меня зовут Ольга Петрова, где курсы?', 'Меня зовут [name], где курсы?'],
    ['uk', 'Мене звати Олена. Де курси німецької?', 'Мене звати [name]. Де курси німецької?'],
    ['tr', 'Merhaba, benim adım Ayşe Yılmaz. Kurs var mı?', 'Merhaba, benim adım [name]. Kurs var mı?'],
    ['ar', 'اسمي أحمد محمد وأريد دورة لغة', 'اسمي [name] وأريد دورة لغة'],
    ['fa', 'سلام، اسم من مریم است. کلاس آلمانی کجاست؟', 'سلام، اسم من [name] است. کلاس آلمانی کجاست؟'],
    ['an IBAN', 'IBAN DE89 3704 0044 0532 0130 00 bitte', 'IBAN [phone] bitte'],
    ['phone numbers in Arabic-Indic digits', 'رقمي ٠١٥١٢٣٤٥٦٧٨', 'رقمي [phone]'],
    // Where a name cannot be told apart, less is kept: the clause after "أنا" goes whole.
    ['ar: a clause after "I am" goes whole', 'أنا أبحث عن دورة لغة', 'أنا [name]'],
    [
      'de: a capitalised word after "ich bin" goes',
      'Ich bin Lehrerin und suche einen Kurs',
      'Ich bin [name] und suche einen Kurs',
    ],
    ['fa: "looking for …" before "هستم" is no name', 'من دنبال کلاس زبان هستم', 'من دنبال کلاس زبان هستم'],
    [
      'en: a place before "here" is no name',
      'Is there a Deutschkurs in Würzburg here?',
      'Is there a Deutschkurs in Würzburg here?',
    ],
  ])('%s', (_case, text, expected) => {
    expect(redactPersonalData(text)).toBe(expected);
  });

  it.each([
    'Hallo, Deutschkurs in Würzburg?',
    'Was geschah am 23.01.2019 und im Mai 2019?',
    'Wo ist die Beratung in 97070 Würzburg?',
    'Who won the football world cup in 2014?',
  ])('leaves a question without personal data as it is: "%s"', (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });
});

describe('the corpus of self-introductions, greetings and signatures', () => {
  it.each(corpus.entries.map((entry) => [entry.language, entry.text, entry] as const))(
    '%s: "%s" loses its names and keeps its question',
    (_language, _text, entry) => {
      const redacted = redactPersonalData(entry.text);
      for (const name of entry.names) expect(redacted).not.toMatch(asWord(name));
      for (const word of entry.keep) expect(redacted).toMatch(asWord(word));
      expect(redacted).toContain(placeholders.name);
    },
  );

  it('covers every supported language with names in Latin, Cyrillic and Arabic script', () => {
    for (const language of languageCodes) {
      expect(corpus.entries.filter((entry) => entry.language === language).length).toBeGreaterThanOrEqual(4);
    }
    const names = corpus.entries.flatMap((entry) => entry.names).join(' ');
    expect(names).toMatch(/\p{Script=Latin}/u);
    expect(names).toMatch(/\p{Script=Cyrillic}/u);
    expect(names).toMatch(/\p{Script=Arabic}/u);
  });

  it.each(evalSet.map((item) => [item.language, item.question] as const))(
    '%s: keeps the question without names "%s" as it is',
    (_language, question) => {
      expect(redactPersonalData(question)).toBe(question);
    },
  );
});

describe('isSmallTalk', () => {
  it.each(['Hallo', 'Guten Tag!', 'danke', 'Merhaba', 'Привет', 'شكرا', 'ok'])(
    'keeps no gap for "%s"',
    (text) => {
      expect(isSmallTalk(text)).toBe(true);
    },
  );
  it.each(['Hallo, wann fährt der Bus?', 'Kindergeld', 'Danke, und wo ist das Amt?'])(
    'keeps "%s"',
    (text) => {
      expect(isSmallTalk(text)).toBe(false);
    },
  );
});
