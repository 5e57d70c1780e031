import { z } from 'zod';
import { languageCodes } from '../../shared/i18n/languages';
import { offeredLanguages, offeringCategories, placeIds } from '../../survey/questionnaire';
import evalSetFile from './qa-eval-set.json';

/**
 * The fixed yardstick for the chatbot's question matcher: questions as residents type them, in every
 * supported language, each with what a good answer would be. It was written before any matcher, from
 * a resident's point of view, and must be changed only for a reason that is not the matcher's score
 * (a wrong expectation, a new knowledge entry). `eval-set.test.ts` keeps it honest: no question may
 * copy a run of words from the knowledge base, and every language keeps a share of questions that
 * the bot should decline.
 */

export const EvalExpectation = z.discriminatedUnion('kind', [
  /** Answer from the knowledge base with this entry (`KnowledgeEntry.id`). */
  z.strictObject({
    kind: z.literal('knowledge'),
    entryId: z
      .string()
      .max(40)
      .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/),
  }),
  /** Search the offerings directory: this category, and where named, this place and language. */
  z.strictObject({
    kind: z.literal('offerings'),
    category: z.enum(offeringCategories),
    place: z.enum(placeIds).optional(),
    /** The language the resident wants the offering held in, when the question names one. */
    offeredLanguage: z.enum(offeredLanguages).optional(),
  }),
  /** Neither the knowledge base nor the directory covers it: the bot should say so, not guess. */
  z.strictObject({ kind: z.literal('out_of_scope') }),
]);
export type EvalExpectation = z.infer<typeof EvalExpectation>;

export const EvalItem = z.strictObject({
  /** The language the question is written in (the resident's chosen language). */
  language: z.enum(languageCodes),
  question: z.string().trim().min(1).max(300),
  expect: EvalExpectation,
});
export type EvalItem = z.infer<typeof EvalItem>;

export const EvalSet = z.array(EvalItem).min(1).max(2000);
export type EvalSet = z.infer<typeof EvalSet>;

/** The evaluation set, validated; throws with the failing item's path when the file is malformed. */
export function loadEvalSet(): EvalSet {
  const parsed = EvalSet.safeParse(evalSetFile);
  if (!parsed.success) {
    throw new Error(`functions/chatbot/eval/qa-eval-set.json is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
