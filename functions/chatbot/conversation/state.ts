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
  /** An institution answering the survey by chat (see survey-dialog.ts). */
  survey: SurveyDialogState.optional(),
});
export type ConversationState = z.infer<typeof ConversationState>;

export function newConversationState(): ConversationState {
  return { languageChosen: false, greeted: false };
}
