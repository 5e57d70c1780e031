import { z } from 'zod';
import places from '../../content/places.json';
import { languageCodes } from '../shared/i18n/languages';

/**
 * The survey's questionnaire: the single definition that the web form, the API, the OpenAPI document,
 * the chat dialog and the evaluation all read. Question texts, help texts and option labels live in the
 * content files under `questionnaire.*`, keyed by the ids below.
 */

export const sectors = [
  'education',
  'labour',
  'economy',
  'politics',
  'youth',
  'social',
  'municipality',
  'other',
] as const;

export const institutionTypes = [
  'public_authority',
  'school',
  'childcare',
  'adult_education',
  'association',
  'welfare_organisation',
  'religious_community',
  'migrant_organisation',
  'company',
  'chamber_or_union',
  'other',
] as const;

/** The county's 52 municipalities (official list kept as data with its source), the whole county,
 * the city of Würzburg (outside the county, where many offerings are), and online. */
export const municipalityIds = places.municipalities.map((place) => place.id);
export const placeIds = [
  'whole-county',
  ...municipalityIds,
  ...places.outsideCounty.map((place) => place.id),
  'online',
] as [string, ...string[]];

export function placeName(id: string): string | undefined {
  if (id === 'whole-county' || id === 'online') return undefined;
  return [...places.municipalities, ...places.outsideCounty].find((place) => place.id === id)?.name;
}

export const offeringCategories = [
  'language_courses',
  'education_school',
  'work_training',
  'counselling',
  'health',
  'housing',
  'leisure_sport_culture',
  'children_youth',
  'women',
  'volunteering_mentoring',
  'other',
] as const;

export const targetGroups = [
  'children',
  'young_people',
  'adults',
  'women',
  'men',
  'families',
  'seniors',
  'refugees',
  'eu_citizens',
  'skilled_workers',
  'people_with_disabilities',
  'everyone',
] as const;

/** Languages an offering can be available in: the interface languages plus those common in the county. */
export const offeredLanguages = [
  ...languageCodes,
  'ku',
  'ti',
  'so',
  'ps',
  'fr',
  'es',
  'it',
  'pl',
  'ro',
  'bg',
  'sq',
  'hr',
  'sr',
  'other',
] as const;

export const costKinds = ['free', 'reduced', 'paid'] as const;
export const openingStatuses = ['not_considered', 'planned', 'started', 'established'] as const;
export const openingSteps = [
  'staff_training',
  'multilingual_information',
  'interpreters',
  'staff_with_migration_experience',
  'mission_statement',
  'cooperation_migrant_organisations',
  'other',
] as const;
export const needCategories = [
  'language',
  'childcare',
  'information',
  'counselling',
  'work',
  'housing',
  'networking',
  'funding',
  'staff',
  'interpreters',
  'other',
] as const;

/** The questionnaire's option lists; their texts are `questionnaire.<group>.<id>` in the content files. */
export const optionGroups = {
  sectors,
  institutionTypes,
  offeringCategories,
  targetGroups,
  offeredLanguages,
  costKinds,
  openingStatuses,
  openingSteps,
  needCategories,
} as const;

/**
 * The questionnaire's version: a survey wave records the one it asks, and every submitted response the
 * one it answered, so waves can be compared even after questions change. Raise it with every change of
 * a question or an option list.
 *
 * - `2026-11-01`: the first questionnaire.
 * - `2026-12-07`: asks for consent to quote the free-text answers (`privacy.quoteConsent`).
 */
export const questionnaireVersion = '2026-12-07';

/** The privacy notice respondents see; its version is stored with every answer. */
export const privacyNoticeVersion = '2026-11-01';

const text = (max: number) => z.string().trim().max(max);
const choices = <T extends readonly [string, ...string[]]>(values: T, max: number = values.length) =>
  z.array(z.enum(values)).max(max);

export const Offering = z.strictObject({
  /** Chosen by the client, so that saving the same offering twice never duplicates it. */
  offeringId: z.uuid(),
  title: text(120),
  description: text(2000),
  /** The language the title and description are written in. */
  textLanguage: z.enum(languageCodes),
  category: z.enum(offeringCategories).optional(),
  targetGroups: choices(targetGroups),
  languages: choices(offeredLanguages),
  places: z.array(z.enum(placeIds)).max(60),
  address: text(300),
  schedule: text(300),
  cost: z.enum(costKinds).optional(),
  costNote: text(200),
  registration: text(300),
  /** An office's address or phone, never a private person's. */
  officeContact: text(200),
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  publish: z.boolean(),
});
export type Offering = z.infer<typeof Offering>;

/** The contact person for the survey: personal data, kept as its own item so it can expire or be erased. */
export const ContactPerson = z.strictObject({
  name: text(120),
  role: text(120),
  email: z.union([z.literal(''), z.email().max(254)]),
  phone: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^[+0-9 ()/-]{3,40}$/),
  ]),
});
export type ContactPerson = z.infer<typeof ContactPerson>;

/**
 * A response as saved while answering: every field may still be empty. Submitting checks it against
 * `requireComplete` below, which names each missing answer.
 */
export const SurveyAnswers = z.strictObject({
  institution: z.strictObject({
    name: text(200),
    sector: z.enum(sectors).optional(),
    sectorOther: text(200),
    type: z.enum(institutionTypes).optional(),
    typeOther: text(200),
    places: z.array(z.enum(placeIds)).max(60),
  }),
  offerings: z.array(Offering).max(30),
  opening: z.strictObject({
    status: z.enum(openingStatuses).optional(),
    steps: choices(openingSteps),
    stepsOther: text(500),
    obstacles: text(2000),
  }),
  needs: z.strictObject({
    categories: choices(needCategories),
    description: text(2000),
    mostHelpful: text(2000),
  }),
  interview: z.strictObject({
    willing: z.boolean().optional(),
    topics: choices(offeringCategories),
    topicsOther: text(500),
  }),
  privacy: z.strictObject({
    /** The version of the privacy notice that was shown; accepting it is required to submit. */
    noticeVersion: z.string().max(40).optional(),
    accepted: z.boolean(),
    /**
     * Whether the free-text answers (obstacles, needs, what would help most) may be quoted, without the
     * institution's name, in published evaluations. Optional and unset until answered: anything but
     * `true` means not consented, so responses from before this question was asked are never quoted.
     */
    quoteConsent: z.boolean().optional(),
  }),
});
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export function emptyAnswers(): SurveyAnswers {
  return {
    institution: { name: '', sectorOther: '', typeOther: '', places: [] },
    offerings: [],
    opening: { steps: [], stepsOther: '', obstacles: '' },
    needs: { categories: [], description: '', mostHelpful: '' },
    interview: { topics: [], topicsOther: '' },
    privacy: { accepted: false },
  };
}

export function emptyOffering(offeringId: string, textLanguage: Offering['textLanguage']): Offering {
  return {
    offeringId,
    title: '',
    description: '',
    textLanguage,
    targetGroups: [],
    languages: [],
    places: [],
    address: '',
    schedule: '',
    costNote: '',
    registration: '',
    officeContact: '',
    url: '',
    publish: false,
  };
}

/** Conditional questions: which ones apply to the answers given so far (the form shows only these). */
export const applies = {
  sectorOther: (answers: SurveyAnswers) => answers.institution.sector === 'other',
  typeOther: (answers: SurveyAnswers) => answers.institution.type === 'other',
  openingSteps: (answers: SurveyAnswers) =>
    answers.opening.status !== undefined && answers.opening.status !== 'not_considered',
  openingStepsOther: (answers: SurveyAnswers) =>
    applies.openingSteps(answers) && answers.opening.steps.includes('other'),
  interviewTopics: (answers: SurveyAnswers) => answers.interview.willing === true,
  costNote: (offering: Offering) => offering.cost === 'reduced' || offering.cost === 'paid',
} as const;

export interface MissingAnswer {
  field: string;
  code: 'required' | 'not_applicable';
}

/**
 * What a complete response needs: the same check for the form, the chat and the server. Answers to
 * questions that do not apply must be empty, so a changed earlier answer cannot leave stale ones.
 */
export function requireComplete(answers: SurveyAnswers, contact: ContactPerson | undefined): MissingAnswer[] {
  const missing: MissingAnswer[] = [];
  const need = (condition: boolean, field: string) => {
    if (!condition) missing.push({ field, code: 'required' });
  };
  const mustBeEmpty = (empty: boolean, field: string) => {
    if (!empty) missing.push({ field, code: 'not_applicable' });
  };
  const { institution, opening, interview } = answers;
  need(institution.name.length > 0, 'answers.institution.name');
  need(institution.sector !== undefined, 'answers.institution.sector');
  if (applies.sectorOther(answers))
    need(institution.sectorOther.length > 0, 'answers.institution.sectorOther');
  need(institution.type !== undefined, 'answers.institution.type');
  if (applies.typeOther(answers)) need(institution.typeOther.length > 0, 'answers.institution.typeOther');
  need(institution.places.length > 0, 'answers.institution.places');
  answers.offerings.forEach((offering, index) => {
    const at = `answers.offerings.${index}`;
    need(offering.title.length > 0, `${at}.title`);
    need(offering.description.length > 0, `${at}.description`);
    need(offering.category !== undefined, `${at}.category`);
    need(offering.targetGroups.length > 0, `${at}.targetGroups`);
    need(offering.languages.length > 0, `${at}.languages`);
    need(offering.places.length > 0, `${at}.places`);
    need(offering.cost !== undefined, `${at}.cost`);
    if (!applies.costNote(offering)) mustBeEmpty(offering.costNote === '', `${at}.costNote`);
  });
  need(opening.status !== undefined, 'answers.opening.status');
  if (applies.openingSteps(answers)) need(opening.steps.length > 0, 'answers.opening.steps');
  else mustBeEmpty(opening.steps.length === 0, 'answers.opening.steps');
  if (applies.openingStepsOther(answers)) need(opening.stepsOther.length > 0, 'answers.opening.stepsOther');
  need(interview.willing !== undefined, 'answers.interview.willing');
  if (!applies.interviewTopics(answers))
    mustBeEmpty(interview.topics.length === 0, 'answers.interview.topics');
  need(answers.privacy.accepted, 'answers.privacy.accepted');
  need(answers.privacy.noticeVersion === privacyNoticeVersion, 'answers.privacy.noticeVersion');
  need(contact !== undefined && contact.name.length > 0, 'contact.name');
  need(contact !== undefined && contact.email.length > 0, 'contact.email');
  return missing;
}
