import { z } from 'zod';
import { TokenParams } from '../../survey/schemas';

/**
 * What the bot keeps of a survey answered by chat: where it is and the version it last saved. The
 * answers themselves stay in the response record only. The invitation token is a credential: it is
 * kept only while the dialog is active or paused (and so at most the conversation's 30 days), and
 * removed on submit or cancel.
 */
export const SurveyDialogState = z.object({
  token: TokenParams.shape.token.optional(),
  /** The draft version this conversation last saw or saved; a different one means another device saved. */
  version: z.number().int().min(0).default(0),
  /** `code` (waiting for the invitation code), a question (`answers.institution.sector`,
   * `offerings.<offeringId>.title`), `offerings.add` or `summary`. */
  step: z.string().max(200),
  paused: z.boolean().default(false),
  /** Answering what the summary found missing: each answer leads back to the summary. */
  fixing: z.boolean().optional(),
});
export type SurveyDialogState = z.infer<typeof SurveyDialogState>;
