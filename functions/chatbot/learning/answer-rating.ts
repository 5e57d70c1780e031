import type { Language } from '../../shared/i18n/languages';
import { translate } from '../../shared/i18n/messages';
import type { Action, Reply } from '../conversation/converse';
import type { ConversationState } from '../conversation/state';
import type { ConversationLearning } from './learning';

const ratableKept = 10;

/**
 * Adds "helpful" / "not helpful" buttons to an answer. The buttons carry only the answer's number;
 * what it answered stays in the conversation state, so a rating cannot be sent for an arbitrary subject.
 */
export function withRating(reply: Reply, state: ConversationState, subject: string): Reply {
  const answer = String((state.answerCount ?? 0) + 1);
  state.answerCount = Number(answer);
  state.ratable = [...(state.ratable ?? []), { answer, subject, rated: false }].slice(-ratableKept);
  const buttons: Action[] = [
    {
      title: translate(reply.language, 'bot.rateHelpful'),
      value: { action: 'rate', answer, helpful: 'yes' },
    },
    {
      title: translate(reply.language, 'bot.rateNotHelpful'),
      value: { action: 'rate', answer, helpful: 'no' },
    },
  ];
  return { ...reply, actions: [...(reply.actions ?? []), ...buttons] };
}

/** Counts a rating once per answer and thanks the resident; "not helpful" offers a person. */
export async function rate(
  learning: ConversationLearning | undefined,
  state: ConversationState,
  language: Language,
  value: Record<string, unknown>,
): Promise<Reply> {
  const ratable = (state.ratable ?? []).find((candidate) => candidate.answer === value.answer);
  const helpful = value.helpful === 'yes';
  if (ratable && !ratable.rated && (value.helpful === 'yes' || value.helpful === 'no')) {
    await learning?.rate({ subject: ratable.subject, language, helpful });
    state.ratable = (state.ratable ?? []).map((candidate) =>
      candidate === ratable ? { ...candidate, rated: true } : candidate,
    );
  }
  if (helpful) return { text: translate(language, 'bot.feedbackThanks'), language };
  return {
    text: translate(language, 'bot.feedbackSorry'),
    language,
    actions: [{ title: translate(language, 'bot.menuContact'), value: { action: 'contact' } }],
  };
}
