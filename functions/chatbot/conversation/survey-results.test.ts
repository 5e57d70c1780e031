import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n/languages';
import { loadKnowledgeBase } from '../knowledge/knowledge-base';
import { KnowledgeMatcher } from '../knowledge/matcher';
import { type ConversationDeps, converse, type LatestEvaluation } from './converse';
import { newConversationState } from './state';

const base = loadKnowledgeBase();
const summaries: Partial<Record<Language, string>> = {
  de: '12 Einrichtungen haben an der Umfrage teilgenommen (40 % der Eingeladenen).',
  ar: 'شاركت 12 مؤسسة في الاستطلاع (40% من المدعوين).',
};

function deps(latest?: LatestEvaluation & { language: Language }): ConversationDeps {
  return {
    findOfferings: async () => ({ offerings: [], total: 0 }),
    publicBaseUrl: 'https://wegweiser.example',
    integrationContact: 'Integrationsbeauftragte',
    knowledge: { base, matcher: new KnowledgeMatcher(base) },
    latestEvaluation: async (language) =>
      latest && { ...latest, summary: summaries[language] ?? summaries.de ?? '' },
  };
}

const published = {
  publishedAt: '2026-05-02T09:00:00.000Z',
  summary: '',
  path: '/concept/evaluations/abc',
  language: 'de' as const,
};

async function ask(text: string, given: ConversationDeps) {
  const state = { ...newConversationState(), greeted: true };
  const { replies } = await converse(given, state, { text, value: undefined, locale: undefined });
  return replies.map((reply) => reply.text).join('\n');
}

describe('"what did the survey show?"', () => {
  it.each([
    ['Was hat die Umfrage ergeben?', '2. Mai 2026', summaries.de],
    ['ماذا كانت نتائج الاستطلاع؟', '2026', summaries.ar],
    ['What did the survey show?', 'May 2, 2026', summaries.de],
    ['Anket sonuçları neler?', '2026', summaries.de],
    ['Які результати опитування?', '2026', summaries.de],
    ['Какие результаты опроса?', '2026', summaries.de],
    ['نتایج نظرسنجی چه بود؟', '2 مهٔ 2026', summaries.de],
  ])(
    'answers "%s" from the latest publication, with its date and its page',
    async (question, date, summary) => {
      const answer = await ask(question, deps(published));
      expect(answer).toContain(date);
      expect(answer).toContain(summary);
      expect(answer).toContain('https://wegweiser.example/concept/evaluations/abc');
    },
  );

  it('answers from the knowledge base alone while nothing is published', async () => {
    const answer = await ask('Was hat die Umfrage ergeben?', deps());
    expect(answer).toContain('Auswertung der Online-Umfrage');
    expect(answer).not.toContain('/concept/evaluations/');
  });
});
