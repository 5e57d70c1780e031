import { z } from 'zod';
import { languageCodes } from '../../shared/i18n/languages';

const language = z.enum(languageCodes);

export const FeedbackSummary = z.object({
  rows: z.array(
    z.object({
      /** A knowledge entry's id, or `offerings` for answers from the directory. */
      subject: z.string(),
      title: z.string().optional(),
      helpful: z.number().int(),
      notHelpful: z.number().int(),
      byLanguage: z.array(z.object({ language, helpful: z.number().int(), notHelpful: z.number().int() })),
    }),
  ),
});

export const UnansweredQuestionView = z.object({
  questionId: z.string(),
  /** Redacted: e-mail addresses, phone numbers, addresses and names are replaced by placeholders. */
  text: z.string(),
  language,
  receivedAt: z.string(),
  closest: z.array(z.string()),
  reviewed: z.boolean(),
  /** When the question is deleted automatically. */
  expiresAt: z.string(),
});

export const UnansweredList = z.object({
  questions: z.array(UnansweredQuestionView),
  cursor: z.string().optional(),
});

export const UnansweredQuery = z.strictObject({
  lang: z.string().max(10).optional(),
  cursor: z.string().max(2000).optional(),
});

export const QuestionIdParams = z.strictObject({
  questionId: z.string().regex(/^[0-9a-z]{9}-[0-9a-f]{1,12}$/),
});
