import { z } from 'zod';
import { offeringCategories } from '../../survey/questionnaire';
import { languageCodes } from '../i18n/languages';

/**
 * What the process learns, in one shape for every building block: the notes of an expert interview and
 * the results of the workshop are both recorded as findings, so that the evaluation can bring them
 * together by kind and topic. The topics are the questionnaire's offering categories, the same list
 * institutions chose their interview topics from.
 */
export const findingKinds = ['topic', 'need', 'recommendation'] as const;
export const FindingKind = z.enum(findingKinds);
export type FindingKind = z.infer<typeof FindingKind>;

export const FindingTopic = z.enum(offeringCategories);
export type FindingTopic = z.infer<typeof FindingTopic>;

export const Finding = z.strictObject({
  findingId: z.string().regex(/^[A-Za-z0-9_-]{6,40}$/),
  kind: FindingKind,
  /** Written by staff; kept as written and marked with its language. */
  text: z.string().trim().min(1).max(2000),
  textLanguage: z.enum(languageCodes),
  topics: z.array(FindingTopic).max(offeringCategories.length),
});
export type Finding = z.infer<typeof Finding>;

/** Findings as staff send them: ids are made by the server when missing. */
export const FindingInput = Finding.extend({ findingId: Finding.shape.findingId.optional() });
export type FindingInput = z.infer<typeof FindingInput>;
