import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../local/stack';
import { type BotActivity, cardTitle, say as sendToBot } from '../../../local/testing/bot-client';
import { startTestStack } from '../../../local/testing/local-stack';
import { type Language, languageCodes, languages } from '../../shared/i18n/languages';
import { type MessageKey, translate } from '../../shared/i18n/messages';
import { loadKnowledgeBase } from '../knowledge/knowledge-base';

/**
 * Every capability of the bot in every language, driven through the real endpoint: botbuilder's
 * CloudAdapter behind /api/messages, with expectReplies so the replies come back in the response.
 */

interface LanguageCase {
  language: Language;
  locale: string;
  greeting: string;
  concept: { question: string; entryId: string };
  offering: { question: string; title: string };
  help: string;
  person: string;
  switchWords: { from: Language; text: string };
  outOfScope: string;
}

const knowledge = loadKnowledgeBase();
const germanCourse = 'Deutschkurs am Vormittag mit Kinderbetreuung';

const cases: LanguageCase[] = [
  {
    language: 'de',
    locale: 'de-DE',
    greeting: 'Guten Tag',
    concept: { question: 'Wer gehört eigentlich zum Steuerungskreis?', entryId: 'steering-committee' },
    offering: { question: 'Deutschkurs in Ochsenfurt', title: germanCourse },
    help: 'Hilfe',
    person: 'Ich möchte mit einem Menschen sprechen',
    switchWords: { from: 'en', text: 'Deutsch bitte' },
    outOfScope: 'Wie koche ich eine gute Gulaschsuppe?',
  },
  {
    language: 'en',
    locale: 'en-GB',
    greeting: 'Hello',
    concept: { question: 'What are the goals of the integration concept?', entryId: 'goals' },
    offering: { question: 'German course in Ochsenfurt', title: germanCourse },
    help: 'help',
    person: 'I want to talk to a person',
    switchWords: { from: 'de', text: 'English please' },
    outOfScope: 'What time does the cinema open tonight?',
  },
  {
    language: 'ar',
    locale: 'ar-SY',
    greeting: 'مرحبا',
    concept: { question: 'متى كانت ورشة العمل؟', entryId: 'workshop' },
    offering: { question: 'دورة ألمانية في أوكسنفورت', title: germanCourse },
    help: 'مساعدة',
    person: 'أريد التحدث مع شخص',
    switchWords: { from: 'de', text: 'العربية' },
    outOfScope: 'كم طول برج خليفة؟',
  },
  {
    language: 'tr',
    locale: 'tr-TR',
    greeting: 'Merhaba',
    concept: { question: 'Anket sonuçları nerede bulunur?', entryId: 'survey-evaluation' },
    offering: { question: "Ochsenfurt'ta Almanca kursu", title: germanCourse },
    help: 'yardım',
    person: 'Bir insanla konuşmak istiyorum',
    switchWords: { from: 'de', text: 'Türkçe' },
    outOfScope: 'Kebap nasıl yapılır?',
  },
  {
    language: 'uk',
    locale: 'uk-UA',
    greeting: 'Добрий день',
    concept: { question: 'Де можна завантажити документи про концепцію?', entryId: 'documents' },
    offering: { question: 'курси німецької в Оксенфурті', title: germanCourse },
    help: 'допомога',
    person: 'Я хочу поговорити з людиною',
    switchWords: { from: 'de', text: 'українською' },
    outOfScope: 'Як приготувати вареники з вишнею?',
  },
  {
    language: 'ru',
    locale: 'ru-RU',
    greeting: 'Здравствуйте',
    concept: { question: 'Когда концепция интеграции будет готова?', entryId: 'when-finished' },
    offering: { question: 'курсы немецкого в Оксенфурте', title: germanCourse },
    help: 'помощь',
    person: 'Я хочу поговорить с человеком',
    switchWords: { from: 'de', text: 'по-русски' },
    outOfScope: 'Сколько стоит билет в кино?',
  },
  {
    language: 'fa',
    locale: 'fa-IR',
    greeting: 'سلام',
    concept: { question: 'نظرسنجی آنلاین درباره چه بود؟', entryId: 'online-survey' },
    offering: { question: 'کلاس آلمانی در اوکسنفورت', title: germanCourse },
    help: 'کمک',
    person: 'می‌خواهم با یک انسان صحبت کنم',
    switchWords: { from: 'de', text: 'فارسی' },
    outOfScope: 'بهترین فیلم امسال چیه؟',
  },
];

function caseIn(language: Language): LanguageCase {
  const found = cases.find((candidate) => candidate.language === language);
  if (!found) throw new Error(`no case for ${language}`);
  return found;
}

/** The fixed part of a message before its first parameter, to recognise it whatever the parameters. */
/** The words a text starts with, before its first placeholder or counted number (7 stands for any count). */
function opening(language: Language, key: MessageKey): string {
  return translate(language, key, { contact: '\u0000', count: 7, conceptUrl: '\u0000' })
    .split('\u0000')[0]
    ?.split('7')[0] as string;
}

describe('conversations through the CloudAdapter, every capability in every language', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  function say(
    conversation: string,
    locale: string,
    message: { text?: string; value?: Record<string, string> },
  ): Promise<BotActivity[]> {
    return sendToBot(stack.url, conversation, { ...message, locale });
  }

  /** A conversation that has been greeted (privacy notice shown), so the next reply is the answer. */
  async function conversationIn(testCase: LanguageCase, name: string): Promise<string> {
    const conversation = `${name}-${testCase.language}-${randomUUID()}`;
    const greeted = await say(conversation, testCase.locale, { text: testCase.greeting });
    expect(greeted[0]?.locale).toBe(testCase.language);
    return conversation;
  }

  const last = (activities: BotActivity[]) => activities[activities.length - 1];

  it.each(cases)('answers a concept question in $language with its /concept section', async (testCase) => {
    const conversation = await conversationIn(testCase, 'concept');
    const reply = last(await say(conversation, testCase.locale, { text: testCase.concept.question }));
    const entry = knowledge[testCase.language].find((candidate) => candidate.id === testCase.concept.entryId);
    expect(reply?.locale).toBe(testCase.language);
    expect(reply?.text).toContain(entry?.answer.slice(0, 40));
    expect(reply?.text).toContain(`/concept#${entry?.section}`);
  });

  it.each(cases)('finds a German course from a question in $language', async (testCase) => {
    const conversation = await conversationIn(testCase, 'offering');
    const replies = await say(conversation, testCase.locale, { text: testCase.offering.question });
    const found = replies.find((reply) => reply.attachments?.length);
    expect(found?.locale).toBe(testCase.language);
    expect(found?.text).toContain(opening(testCase.language, 'bot.offeringsFound').trim());
    expect(found?.attachments?.map(cardTitle)).toContain(testCase.offering.title);
  });

  it.each(cases)('shows the help menu in $language', async (testCase) => {
    const conversation = await conversationIn(testCase, 'help');
    const reply = last(await say(conversation, testCase.locale, { text: testCase.help }));
    expect(reply?.locale).toBe(testCase.language);
    expect(reply?.text).toBe(translate(testCase.language, 'bot.menuPrompt'));
    // the four capabilities every resident sees (the survey by chat may add its own entry)
    expect(reply?.suggestedActions?.actions.map((action) => action.value.action)).toEqual(
      expect.arrayContaining(['offerings', 'concept', 'contact', 'language']),
    );
  });

  it.each(cases)('hands over to a person when asked in $language', async (testCase) => {
    const conversation = await conversationIn(testCase, 'person');
    const reply = last(await say(conversation, testCase.locale, { text: testCase.person }));
    expect(reply?.locale).toBe(testCase.language);
    expect(reply?.text).toContain(opening(testCase.language, 'bot.humanContact'));
    expect(reply?.text).not.toContain('/concept#');
  });

  it.each(cases)('switches to $language when asked in words', async (testCase) => {
    const from = caseIn(testCase.switchWords.from);
    const conversation = await conversationIn(from, 'switch');
    const switched = await say(conversation, from.locale, { text: testCase.switchWords.text });
    expect(switched[0]?.locale).toBe(testCase.language);
    expect(switched[0]?.text).toBe(translate(testCase.language, 'bot.languageChanged'));
    // remembered over the channel's locale
    const later = await say(conversation, from.locale, { text: testCase.help });
    expect(later.every((reply) => reply.locale === testCase.language)).toBe(true);
  });

  it.each(cases)(
    'switches to $language from the menu that names each language in itself',
    async (testCase) => {
      const other = caseIn(testCase.language === 'de' ? 'en' : 'de');
      const conversation = await conversationIn(other, 'menu');
      const prompt = last(await say(conversation, other.locale, { value: { action: 'language' } }));
      expect(prompt?.suggestedActions?.actions.map((action) => action.title)).toEqual(
        languages.map((language) => language.endonym),
      );
      const button = prompt?.suggestedActions?.actions.find(
        (action) => action.value.lang === testCase.language,
      );
      const switched = await say(conversation, other.locale, { value: button?.value ?? {} });
      expect(switched[0]?.locale).toBe(testCase.language);
      expect(switched[0]?.text).toBe(translate(testCase.language, 'bot.languageChanged'));
    },
  );

  it.each(cases)('does not guess at an out-of-scope question in $language', async (testCase) => {
    const conversation = await conversationIn(testCase, 'unknown');
    const replies = await say(conversation, testCase.locale, { text: testCase.outOfScope });
    const reply = last(replies);
    expect(reply?.locale).toBe(testCase.language);
    expect(reply?.text).toBe(translate(testCase.language, 'bot.notUnderstood'));
    expect(replies.some((candidate) => candidate.attachments?.length)).toBe(false);
    expect(reply?.suggestedActions?.actions.at(-1)?.value.action).toBe('contact');
  });

  it.each([
    ['de', 'de-DE', 'Hausaufgabenhilfe in Höchberg'],
    ['en', 'en-GB', 'homework help in Hoechberg'],
    ['uk', 'uk-UA', 'допомога з домашніми завданнями в Хехберзі'],
  ] as const)(
    'searches offerings in %s (%s) even when the question says "help": %s',
    async (language, locale, text) => {
      const testCase = caseIn(language);
      const conversation = await conversationIn(testCase, 'help-offering');
      const replies = await say(conversation, locale, { text });
      const found = replies.find((reply) => reply.attachments?.length);
      expect(found?.attachments?.map(cardTitle)).toContain('Hausaufgabenhilfe und Lerntreff');
    },
  );

  it.each([
    ['de', 'Werden meine persönlichen Daten gespeichert?'],
    ['en', 'Is my personal data stored?'],
    ['ar', 'هل تحفظون بياناتي الشخصية؟'],
    ['fa', 'اطلاعات شخصی من ذخیره میشه؟'],
  ] as const)('answers a privacy question in %s though it says "personal": %s', async (language, text) => {
    const testCase = caseIn(language);
    const conversation = await conversationIn(testCase, 'privacy');
    const reply = last(await say(conversation, testCase.locale, { text }));
    expect(reply?.locale).toBe(language);
    expect(reply?.text).toContain('/concept#datenschutz');
  });

  it('finds only offerings given in the language the question names', async () => {
    const german = caseIn('de');
    const conversation = await conversationIn(german, 'offered-language');
    const inArabic = (await say(conversation, german.locale, { text: 'Beratung auf Arabisch' })).find(
      (reply) => reply.attachments?.length,
    );
    expect(inArabic?.attachments?.length).toBeGreaterThan(0);
    const inEnglish = await say(conversation, german.locale, { text: 'Beratung auf Englisch' });
    expect(inEnglish.some((reply) => reply.attachments?.length)).toBe(false);
    expect(last(inEnglish)?.text).toContain(translate('de', 'bot.offeringsNone').split('{')[0]);
  });

  it('covers every supported language', () => {
    expect(cases.map((testCase) => testCase.language)).toEqual(languageCodes);
  });
});
