import type { z } from 'zod';
import { languageCodes } from '../shared/i18n/languages';
import type { MessageKey } from '../shared/i18n/messages';
import { applies, ContactPerson, Offering, optionGroups, SurveyAnswers } from './questionnaire';

/**
 * The questionnaire as a sequence of questions, free of any interface: the order of the web form's
 * sections, each question's kind, option list, condition (`applies`) and texts (`questionnaire.*`).
 * The chat dialog walks it question by question; the form lays the same questions out as sections.
 */

/** The answers and the contact person, as both the form and the chat hold them while answering. */
export interface ResponseDraft {
  answers: SurveyAnswers;
  contact: ContactPerson;
}

export function emptyContact(): ContactPerson {
  return { name: '', role: '', email: '', phone: '' };
}

/** The option lists, and the languages an offering's texts are written in. */
export const optionLists = { ...optionGroups, textLanguages: languageCodes } as const;
export type OptionList = keyof typeof optionLists;

/** The label of an option: text languages are named like offered languages. */
export function optionKey(list: OptionList, id: string): MessageKey {
  const group = list === 'textLanguages' ? 'offeredLanguages' : list;
  return `questionnaire.${group}.${id}` as MessageKey;
}

export type QuestionKind =
  /** Free text, validated with the field's schema. */
  | 'text'
  /** One of an option list. */
  | 'choice'
  /** Any number of an option list. */
  | 'choices'
  /** Places: municipalities by name, the areas by choice. */
  | 'places'
  /** Yes or no, stored as a boolean. */
  | 'yesNo'
  /** The privacy notice, accepted in its current version. */
  | 'consent';

export type SectionId =
  | 'institution'
  | 'contact'
  | 'offerings'
  | 'opening'
  | 'needs'
  | 'interview'
  | 'privacy';

interface QuestionBase {
  /** The field's path as the API names it (`answers.institution.sector`, `contact.email`); for an
   * offering's question, the field of the offering (`title`). */
  field: string;
  section: SectionId;
  kind: QuestionKind;
  label: MessageKey;
  hint?: MessageKey;
  options?: OptionList;
  /** Needed to submit (`requireComplete`); the others can be skipped. */
  required: boolean;
}

export interface ResponseQuestion extends QuestionBase {
  applies?: (answers: SurveyAnswers) => boolean;
}

export interface OfferingQuestion extends QuestionBase {
  field: keyof Offering;
  applies?: (offering: Offering) => boolean;
}

const q = (
  field: string,
  kind: QuestionKind,
  required: boolean,
  extra: Partial<ResponseQuestion> = {},
): ResponseQuestion => {
  const [root, section, name] = field.split('.');
  const sectionId = (root === 'contact' ? 'contact' : section) as SectionId;
  const labelBase =
    root === 'contact' ? `questionnaire.contact.${section}` : `questionnaire.${section}.${name}`;
  return { field, section: sectionId, kind, required, label: `${labelBase}.label` as MessageKey, ...extra };
};

const o = (
  field: keyof Offering,
  kind: QuestionKind,
  required: boolean,
  extra: Partial<OfferingQuestion> = {},
): OfferingQuestion => ({
  field,
  section: 'offerings',
  kind,
  required,
  label: `questionnaire.offering.${field}.label` as MessageKey,
  ...extra,
});

/** The questions before the offerings, in the form's order. */
export const questionsBeforeOfferings: readonly ResponseQuestion[] = [
  q('answers.institution.name', 'text', true),
  q('answers.institution.sector', 'choice', true, {
    options: 'sectors',
    hint: 'questionnaire.institution.sector.hint',
  }),
  q('answers.institution.sectorOther', 'text', true, { applies: applies.sectorOther }),
  q('answers.institution.type', 'choice', true, { options: 'institutionTypes' }),
  q('answers.institution.typeOther', 'text', true, { applies: applies.typeOther }),
  q('answers.institution.places', 'places', true, { hint: 'questionnaire.institution.places.hint' }),
  q('contact.name', 'text', true),
  q('contact.role', 'text', false, { hint: 'questionnaire.contact.role.hint' }),
  q('contact.email', 'text', true),
  q('contact.phone', 'text', false, { hint: 'questionnaire.contact.phone.hint' }),
];

/** The repeatable group: the questions of one offering. */
export const offeringQuestions: readonly OfferingQuestion[] = [
  o('textLanguage', 'choice', true, {
    options: 'textLanguages',
    hint: 'questionnaire.offering.textLanguage.hint',
  }),
  o('title', 'text', true),
  o('description', 'text', true, { hint: 'questionnaire.offering.description.hint' }),
  o('category', 'choice', true, { options: 'offeringCategories' }),
  o('targetGroups', 'choices', true, { options: 'targetGroups' }),
  o('languages', 'choices', true, { options: 'offeredLanguages' }),
  o('places', 'places', true),
  o('address', 'text', false, { hint: 'questionnaire.offering.address.hint' }),
  o('schedule', 'text', false, { hint: 'questionnaire.offering.schedule.hint' }),
  o('cost', 'choice', true, { options: 'costKinds' }),
  o('costNote', 'text', false, { applies: applies.costNote, hint: 'questionnaire.offering.costNote.hint' }),
  o('registration', 'text', false, { hint: 'questionnaire.offering.registration.hint' }),
  o('officeContact', 'text', false, { hint: 'questionnaire.offering.officeContact.hint' }),
  o('url', 'text', false, { hint: 'questionnaire.offering.url.hint' }),
  o('publish', 'yesNo', false, { hint: 'questionnaire.offering.publish.hint' }),
];

/**
 * The questions after the offerings, in the form's order; the privacy part last: the notice, then the
 * consent to quote the free-text answers, asked once they are written.
 */
export const questionsAfterOfferings: readonly ResponseQuestion[] = [
  q('answers.opening.status', 'choice', true, { options: 'openingStatuses' }),
  q('answers.opening.steps', 'choices', true, { options: 'openingSteps', applies: applies.openingSteps }),
  q('answers.opening.stepsOther', 'text', true, { applies: applies.openingStepsOther }),
  q('answers.opening.obstacles', 'text', false),
  q('answers.needs.categories', 'choices', false, { options: 'needCategories' }),
  q('answers.needs.description', 'text', false, { hint: 'questionnaire.needs.description.hint' }),
  q('answers.needs.mostHelpful', 'text', false),
  q('answers.interview.willing', 'yesNo', true),
  q('answers.interview.topics', 'choices', false, {
    options: 'offeringCategories',
    applies: applies.interviewTopics,
  }),
  q('answers.interview.topicsOther', 'text', false, { applies: applies.interviewTopics }),
  q('answers.privacy.accepted', 'consent', true),
  q('answers.privacy.quoteConsent', 'yesNo', false, { hint: 'questionnaire.privacy.quoteConsent.hint' }),
];

export const responseQuestions = [...questionsBeforeOfferings, ...questionsAfterOfferings];

export function findQuestion(field: string): ResponseQuestion | undefined {
  return responseQuestions.find((question) => question.field === field);
}

export function findOfferingQuestion(field: string): OfferingQuestion | undefined {
  return offeringQuestions.find((question) => question.field === field);
}

// Reading and writing one question's value in a draft.

function pathOf(field: string): [root: 'answers' | 'contact', ...string[]] {
  const [root, ...rest] = field.split('.');
  return [root === 'contact' ? 'contact' : 'answers', ...rest];
}

export function answerAt(draft: ResponseDraft, field: string): unknown {
  const [root, ...rest] = pathOf(field);
  let node: unknown = draft[root];
  for (const key of rest) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** A copy of the draft with one question's value changed. */
export function withValue(draft: ResponseDraft, field: string, value: unknown): ResponseDraft {
  const copy = structuredClone(draft);
  const [root, ...rest] = pathOf(field);
  let node = copy[root] as unknown as Record<string, unknown>;
  for (const key of rest.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = rest.at(-1);
  if (last !== undefined) {
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return copy;
}

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The empty answer of a question, for answers to questions that no longer apply. */
function emptyValue(kind: QuestionKind): unknown {
  if (kind === 'text') return '';
  if (kind === 'choices' || kind === 'places') return [];
  return undefined;
}

/**
 * The answers with every answer to a question that does not apply emptied, so a changed earlier answer
 * never leaves a stale dependent one that `requireComplete` would refuse. The form and the chat run
 * every change through this.
 */
export function applicableAnswers(answers: SurveyAnswers): SurveyAnswers {
  let draft: ResponseDraft = { answers, contact: emptyContact() };
  for (const question of responseQuestions) {
    if (question.applies && !question.applies(draft.answers) && isAnswered(answerAt(draft, question.field)))
      draft = withValue(draft, question.field, emptyValue(question.kind));
  }
  const offerings = draft.answers.offerings.map((offering) => {
    let cleaned = offering;
    for (const question of offeringQuestions) {
      if (question.applies && !question.applies(cleaned) && isAnswered(cleaned[question.field]))
        cleaned = { ...cleaned, [question.field]: emptyValue(question.kind) };
    }
    return cleaned;
  });
  return { ...draft.answers, offerings };
}

export function withApplicableOnly(draft: ResponseDraft): ResponseDraft {
  return { ...draft, answers: applicableAnswers(draft.answers) };
}

/** The zod schema of one question's value: the same one the API validates the whole draft with. */
export function schemaOf(field: string, offering = false): z.ZodType {
  if (offering) return Offering.shape[field as keyof Offering];
  const [root, section, name] = field.split('.');
  if (root === 'contact') return ContactPerson.shape[section as keyof ContactPerson];
  const sectionSchema = SurveyAnswers.shape[section as keyof SurveyAnswers] as unknown as {
    shape: Record<string, z.ZodType>;
  };
  const schema = sectionSchema.shape[name ?? ''];
  if (!schema) throw new Error(`no schema for ${field}`);
  return schema;
}

/** Web addresses are often typed without their scheme; `www.example.de` means `https://www.example.de`. */
export function completeUrl(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return /^[^\s/]+\.[^\s/]+/.test(trimmed) ? `https://${trimmed}` : trimmed;
}
