import { z } from 'zod';
import { languageCodes } from '../../shared/i18n/languages';
import { SurveyDialogState } from './survey-dialog-state';

/** What the bot remembers of a conversation between turns (no personal data). */
export const ConversationState = z.object({
  language: z.enum(languageCodes).optional(),
  /** Set once the user chose a language explicitly; the text then no longer switches it. */
  languageChosen: z.boolean().default(false),
  greeted: z.boolean().default(false),
  lastOfferingQuery: z
    .object({
      category: z.string().optional(),
      place: z.string().optional(),
      offeredLanguage: z.string().optional(),
      words: z.string().optional(),
      offset: z.number().int(),
    })
    .optional(),
  /**
   * The last answers that can be rated (a number and what it answered), so a rating button names only
   * its answer's number and the subject cannot be forged; each answer counts once.
   */
  answerCount: z.number().int().default(0),
  ratable: z
    .array(z.object({ answer: z.string(), subject: z.string(), rated: z.boolean() }))
    .max(10)
    .default([]),
  /** An institution answering the survey by chat (see survey-dialog.ts). */
  survey: SurveyDialogState.optional(),
});
export type ConversationState = z.infer<typeof ConversationState>;

export function newConversationState(): ConversationState {
  return { languageChosen: false, greeted: false, answerCount: 0, ratable: [] };
}
