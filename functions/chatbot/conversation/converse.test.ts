import { describe, expect, it } from 'vitest';
import type { PublicOffering } from '../../offerings/schemas';
import type { Language } from '../../shared/i18n/languages';
import type { ConceptStatus } from '../../steering/schemas';
import { loadKnowledgeBase, loadSeedMilestones } from '../knowledge/knowledge-base';
import { KnowledgeMatcher } from '../knowledge/matcher';
import { type ConversationDeps, converse } from './converse';
import { detectLanguage, requestedLanguage } from './language';
import { parseOfferingQuery } from './offering-query';
import { newConversationState } from './state';

const noOfferings: ConversationDeps = {
  findOfferings: async () => ({ offerings: [] as PublicOffering[], total: 0 }),
  publicBaseUrl: 'https://wegweiser.example',
  integrationContact: 'Integrationsbeauftragte, Tel. 0931 0000',
};

describe('language', () => {
  it.each([
    ['English please', 'en'],
    ['Türkçe', 'tr'],
    ['по-русски', 'ru'],
    ['українською', 'uk'],
    ['فارسی', 'fa'],
    ['العربية', 'ar'],
    ['auf Deutsch bitte', 'de'],
  ])('takes "%s" as a request for %s', (text, expected) => {
    expect(requestedLanguage(text)).toBe(expected);
  });

  it('does not take a question that mentions a language as a request to switch', () => {
    expect(requestedLanguage('Gibt es eine Beratung auf Arabisch in Würzburg?')).toBeUndefined();
  });

  it.each([
    ['Wo finde ich einen Deutschkurs?', 'de'],
    ['Where can I learn German?', 'en'],
    ['أين أجد دورة لغة ألمانية؟', 'ar'],
    ['Almanca kursu nerede var?', 'tr'],
    ['Де знайти курси німецької?', 'uk'],
    ['Где найти курсы немецкого?', 'ru'],
    ['کلاس زبان آلمانی کجاست؟', 'fa'],
  ])('recognises the language of "%s"', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('offering questions', () => {
  it.each([
    ['Deutschkurs in Ochsenfurt', { category: 'language_courses', place: 'ochsenfurt' }],
    ['курси німецької у Вюрцбурзі', { category: 'language_courses', place: 'wuerzburg-city' }],
    ['Beratung auf Arabisch', { category: 'counselling', offeredLanguage: 'ar' }],
    ['консультация на русском', { category: 'counselling', offeredLanguage: 'ru' }],
    ['Hausaufgabenhilfe in Höchberg', { category: 'children_youth', place: 'hoechberg' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseOfferingQuery(text)).toEqual(expected);
  });
});

describe('a conversation', () => {
  it('greets with the privacy notice before answering anything', async () => {
    const { replies } = await converse(noOfferings, newConversationState(), {
      text: '',
      value: undefined,
      locale: 'de-DE',
    });
    expect(replies[0]?.text).toContain('Wegweiser');
    expect(replies[1]?.text).toContain('https://wegweiser.example/privacy');
  });

  it('follows the channel locale when the text says nothing', async () => {
    const { replies } = await converse(noOfferings, newConversationState(), {
      text: '',
      value: undefined,
      locale: 'tr-TR',
    });
    expect(replies.every((reply) => reply.language === 'tr')).toBe(true);
  });

  it('does not guess: an unknown question gets the topics and human contact as buttons', async () => {
    const state = { ...newConversationState(), greeted: true, language: 'de' as const };
    const { replies } = await converse(noOfferings, state, {
      text: 'Wie wird das Wetter morgen?',
      value: undefined,
      locale: undefined,
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.actions?.map((action) => action.value.action)).toContain('contact');
  });

  it('leads to a person when asked in any language', async () => {
    const state = { ...newConversationState(), greeted: true };
    const { replies } = await converse(noOfferings, state, {
      text: 'Я хочу поговорить с человеком',
      value: undefined,
      locale: undefined,
    });
    expect(replies[0]?.text).toContain('0931 0000');
    expect(replies[0]?.language).toBe('ru');
  });

  it('keeps an explicitly chosen language even when the user writes German', async () => {
    const chosen = await converse(noOfferings, newConversationState(), {
      text: '',
      value: { lang: 'ar' },
      locale: undefined,
    });
    const { replies } = await converse(noOfferings, chosen.state, {
      text: 'Hilfe',
      value: undefined,
      locale: undefined,
    });
    expect(replies.every((reply) => reply.language === 'ar')).toBe(true);
  });
});

describe('questions that contain trigger words', () => {
  it('searches for a language course instead of opening the language menu', async () => {
    const state = { ...newConversationState(), greeted: true };
    const asked: unknown[] = [];
    const deps = {
      ...noOfferings,
      findOfferings: async (query: unknown) => {
        asked.push(query);
        return { offerings: [], total: 0 };
      },
    };
    await converse(deps, state, { text: 'language course in Würzburg', value: undefined, locale: undefined });
    expect(asked).toEqual([
      expect.objectContaining({ category: 'language_courses', place: 'wuerzburg-city' }),
    ]);
  });

  it('finds housing help under housing, not counselling', () => {
    expect(parseOfferingQuery('I need help with housing').category).toBe('housing');
  });
});

describe('where the concept stands', () => {
  const base = loadKnowledgeBase();
  const knowledge = { base, matcher: new KnowledgeMatcher(base), milestones: loadSeedMilestones() };
  const status = (language: Language): ConceptStatus => ({
    language,
    milestones: [],
    priorities: [
      {
        priorityId: '00000000-0000-4000-8000-000000000001',
        title: 'Language first',
        description: '',
        textLanguage: 'en',
        fallback: false,
        status: 'adopted',
        needs: ['language'],
        measureCounts: { planned: 2, in_progress: 1, done: 0, dropped: 0 },
        measures: [],
      },
    ],
    measureCounts: { planned: 2, in_progress: 1, done: 0, dropped: 0 },
    evaluations: [],
  });

  it('names the priorities and the measures by status from the concept status, linking to its page', async () => {
    const asked: Language[] = [];
    const deps: ConversationDeps = {
      ...noOfferings,
      knowledge,
      conceptStatus: async (language) => {
        asked.push(language);
        return status(language);
      },
    };
    const state = { ...newConversationState(), greeted: true, language: 'en' as const, languageChosen: true };
    const { replies } = await converse(deps, state, {
      text: 'Where does the integration concept stand now?',
      value: undefined,
      locale: 'en-GB',
    });
    const text = replies.map((reply) => reply.text).join('\n');
    expect(asked).toEqual(['en']);
    expect(text).toContain('• Language first');
    expect(text).toContain('2 measures planned, 1 measure in progress, no measures done');
    expect(text).toContain('https://wegweiser.example/concept/status?lang=en');
  });

  it('keeps naming the latest milestones when no status is wired', async () => {
    const state = { ...newConversationState(), greeted: true, language: 'de' as const, languageChosen: true };
    const { replies } = await converse({ ...noOfferings, knowledge }, state, {
      text: 'Wo steht die Integrationskonzeption gerade?',
      value: undefined,
      locale: 'de-DE',
    });
    expect(replies.map((reply) => reply.text).join('\n')).not.toContain('/concept/status');
  });
});
