import { describe, expect, it } from 'vitest';
import { isSmallTalk } from './learning';
import { redactPersonalData } from './redaction';

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
