import { describe, expect, it } from 'vitest';
import type { PublicOffering } from '../../offerings/schemas';
import { type ConversationDeps, converse, type Reply } from '../conversation/converse';
import { type ConversationState, newConversationState } from '../conversation/state';
import { loadKnowledgeBase, loadSeedMilestones } from '../knowledge/knowledge-base';
import { KnowledgeMatcher } from '../knowledge/matcher';
import { sampleOffering } from '../testing/sample-offering';
import {
  type AnswerRating,
  conversationLearning,
  type LearningStorePort,
  type UnansweredQuestion,
} from './learning';

/** An in-memory learning store: what the conversation hands to staff, nothing more. */
function memoryLearning() {
  const ratings: AnswerRating[] = [];
  const questions: UnansweredQuestion[] = [];
  const store: LearningStorePort = {
    countRating: async (rating) => {
      ratings.push(rating);
    },
    feedbackCounts: async () => [],
    keepQuestion: async (question) => {
      questions.push(question);
    },
    questions: async () => ({ items: questions }),
    question: async (id) => questions.find((q) => q.questionId === id),
    markReviewed: async () => undefined,
    deleteQuestion: async () => undefined,
  };
  const learning = conversationLearning({
    store,
    now: () => new Date('2026-11-25T09:00:00Z'),
    newId: () => 'abcdef123456',
  });
  return { ratings, questions, learning };
}

function depsWith(learning: ConversationDeps['learning']): ConversationDeps {
  const base = loadKnowledgeBase();
  return {
    knowledge: { base, matcher: new KnowledgeMatcher(base), milestones: loadSeedMilestones() },
    findOfferings: async () => ({ offerings: [] as PublicOffering[], total: 0 }),
    publicBaseUrl: 'https://wegweiser.example',
    integrationContact: 'Integrationsbeauftragte, Tel. 0931 0000',
    ...(learning ? { learning } : {}),
  };
}

async function turn(deps: ConversationDeps, state: ConversationState, text: string, value?: unknown) {
  return converse(deps, state, { text, value, locale: undefined });
}

const ratingButtons = (reply: Reply | undefined) =>
  (reply?.actions ?? []).filter((action) => action.value.action === 'rate');

describe('learning from the conversation', () => {
  it('offers rating buttons on a knowledge answer and counts one rating per answer, without who gave it', async () => {
    const { ratings, learning } = memoryLearning();
    const deps = depsWith(learning);
    const first = await turn(
      deps,
      { ...newConversationState(), greeted: true, language: 'de', languageChosen: true },
      'Wer ist im Steuerungskreis?',
    );
    const answer = first.replies.at(-1);
    expect(answer?.text).toContain('/concept#steuerungskreis');
    const [helpful, notHelpful] = ratingButtons(answer);
    expect(helpful?.value).toMatchObject({ action: 'rate', helpful: 'yes' });
    expect(notHelpful?.value).toMatchObject({ action: 'rate', helpful: 'no' });

    const rated = await turn(deps, first.state, '👎 Nicht hilfreich', notHelpful?.value);
    expect(rated.replies[0]?.text).toContain('Danke für Ihre Rückmeldung');
    expect(rated.replies[0]?.actions?.[0]?.value).toEqual({ action: 'contact' });
    const again = await turn(deps, rated.state, '👍 Hilfreich', helpful?.value);
    expect(again.replies[0]?.text).toContain('Danke');
    expect(ratings).toEqual([
      { subject: 'steering-committee', language: 'de', helpful: false, day: '2026-11-25' },
    ]);
  });

  it('rates an offerings answer as "offerings", whatever was searched', async () => {
    const { ratings, learning } = memoryLearning();
    const offering = sampleOffering();
    const deps = { ...depsWith(learning), findOfferings: async () => ({ offerings: [offering], total: 1 }) };
    const found = await turn(
      deps,
      { ...newConversationState(), greeted: true, language: 'de', languageChosen: true },
      'Deutschkurs in Ochsenfurt',
    );
    const reply = found.replies.at(-1);
    expect(reply?.cards).toHaveLength(1);
    const helpful = ratingButtons(reply).find((action) => action.value.helpful === 'yes');
    await turn(deps, found.state, '👍 Hilfreich', helpful?.value);
    expect(ratings).toEqual([{ subject: 'offerings', language: 'de', helpful: true, day: '2026-11-25' }]);
  });

  it('ignores a rating for an answer the conversation never gave', async () => {
    const { ratings, learning } = memoryLearning();
    const deps = depsWith(learning);
    await turn(deps, { ...newConversationState(), greeted: true, language: 'en' }, 'x', {
      action: 'rate',
      answer: '7',
      helpful: 'yes',
    });
    expect(ratings).toEqual([]);
  });

  it('keeps a question it could not answer, without the e-mail address, phone number and name', async () => {
    const { questions, learning } = memoryLearning();
    const deps = depsWith(learning);
    const state = { ...newConversationState(), greeted: true, language: 'de' as const, languageChosen: true };
    const result = await turn(
      deps,
      state,
      'Ich heiße Ahmad Karimi, wie wird morgen das Wetter in Würzburg? ahmad.karimi@example.org 0176 1234567',
    );
    expect(result.replies[0]?.text).toContain('nicht verstanden');
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({
      text: 'Ich heiße [name], wie wird morgen das Wetter in Würzburg? [email] [phone]',
      language: 'de',
      reviewed: false,
      receivedAt: '2026-11-25T09:00:00.000Z',
    });
    expect(questions[0]?.expiresAt).toBe(Date.parse('2027-02-23T09:00:00Z') / 1000);
  });
});
