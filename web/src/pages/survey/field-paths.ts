import type { ContactPerson, Offering, SurveyAnswers } from '../../../../functions/survey/questionnaire';

/**
 * The API names a field by its path in the request (`answers.offerings.0.title`, `contact.email`); the
 * form names it by the id of its control. Offerings are named by their `offeringId` in the page, not by
 * their position, so an error stays on its offering when another one is removed.
 */

type InstitutionField = keyof SurveyAnswers['institution'];
type OpeningField = keyof SurveyAnswers['opening'];
type NeedsField = keyof SurveyAnswers['needs'];
type InterviewField = keyof SurveyAnswers['interview'];

export const fieldIds = {
  institution: (field: InstitutionField) => `q-institution-${field}`,
  contact: (field: keyof ContactPerson) => `q-contact-${field}`,
  offerings: 'q-offerings',
  offering: (offeringId: string, field: keyof Offering) => `q-offering-${offeringId}-${field}`,
  opening: (field: OpeningField) => `q-opening-${field}`,
  needs: (field: NeedsField) => `q-needs-${field}`,
  interview: (field: InterviewField) => `q-interview-${field}`,
  privacyAccepted: 'q-privacy-accepted',
  privacyQuoteConsent: 'q-privacy-quoteConsent',
} as const;

const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The id of the control that answers an API field path, or undefined for a path the form does not show. */
export function fieldDomId(
  path: string | readonly PropertyKey[],
  answers: SurveyAnswers,
): string | undefined {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(Boolean);
  const [root, section, second, third] = parts;
  if (root === 'contact') return section ? `q-contact-${section}` : undefined;
  if (root !== 'answers' || !section) return undefined;
  if (section === 'offerings') {
    if (second === undefined) return fieldIds.offerings;
    const offering = answers.offerings[Number(second)];
    if (!offering || !/^\d+$/.test(second)) return fieldIds.offerings;
    return third ? `q-offering-${offering.offeringId}-${third}` : fieldIds.offerings;
  }
  // The notice version is set by accepting the notice: its control is the checkbox.
  if (section === 'privacy')
    return second === 'quoteConsent' ? fieldIds.privacyQuoteConsent : fieldIds.privacyAccepted;
  return second ? `q-${section}-${second}` : undefined;
}

/** The API field path of a control's id, the reverse of `fieldDomId`. */
export function fieldPath(domId: string, answers: SurveyAnswers): string | undefined {
  if (domId === fieldIds.privacyAccepted) return 'answers.privacy.accepted';
  if (domId === fieldIds.privacyQuoteConsent) return 'answers.privacy.quoteConsent';
  if (domId === fieldIds.offerings) return 'answers.offerings';
  const offering = new RegExp(`^q-offering-(${uuidPattern})-(\\w+)$`).exec(domId);
  if (offering) {
    const index = answers.offerings.findIndex((candidate) => candidate.offeringId === offering[1]);
    return index >= 0 ? `answers.offerings.${index}.${offering[2]}` : undefined;
  }
  const other = /^q-(contact|institution|opening|needs|interview)-(\w+)$/.exec(domId);
  if (!other) return undefined;
  return other[1] === 'contact' ? `contact.${other[2]}` : `answers.${other[1]}.${other[2]}`;
}

/** Every control of the form in the order of the page, to list errors in the order a reader meets them. */
export function fieldOrder(answers: SurveyAnswers): string[] {
  const offeringFields: (keyof Offering)[] = [
    'title',
    'description',
    'textLanguage',
    'category',
    'targetGroups',
    'languages',
    'places',
    'address',
    'schedule',
    'cost',
    'costNote',
    'registration',
    'officeContact',
    'url',
    'publish',
  ];
  return [
    ...(['name', 'sector', 'sectorOther', 'type', 'typeOther', 'places'] as const).map(fieldIds.institution),
    ...(['name', 'role', 'email', 'phone'] as const).map(fieldIds.contact),
    fieldIds.offerings,
    ...answers.offerings.flatMap((offering) =>
      offeringFields.map((field) => fieldIds.offering(offering.offeringId, field)),
    ),
    ...(['status', 'steps', 'stepsOther', 'obstacles'] as const).map(fieldIds.opening),
    ...(['categories', 'description', 'mostHelpful'] as const).map(fieldIds.needs),
    ...(['willing', 'topics', 'topicsOther'] as const).map(fieldIds.interview),
    fieldIds.privacyAccepted,
    fieldIds.privacyQuoteConsent,
  ];
}
