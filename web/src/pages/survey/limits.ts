import { ContactPerson, Offering, SurveyAnswers } from '../../../../functions/survey/questionnaire';

/** Input lengths straight from the questionnaire's schema, so a field never takes more than the API keeps. */
function max(schema: { maxLength: number | null }): number | undefined {
  return schema.maxLength ?? undefined;
}

const { institution, opening, needs, interview } = SurveyAnswers.shape;
const offering = Offering.shape;

export const maxLengths = {
  institution: {
    name: max(institution.shape.name),
    sectorOther: max(institution.shape.sectorOther),
    typeOther: max(institution.shape.typeOther),
  },
  contact: {
    name: max(ContactPerson.shape.name),
    role: max(ContactPerson.shape.role),
    email: max(ContactPerson.shape.email.options[1]),
    // The phone pattern allows 3 to 40 characters.
    phone: 40,
  },
  offering: {
    title: max(offering.title),
    description: max(offering.description),
    address: max(offering.address),
    schedule: max(offering.schedule),
    costNote: max(offering.costNote),
    registration: max(offering.registration),
    officeContact: max(offering.officeContact),
    url: max(offering.url.options[1]),
  },
  opening: { stepsOther: max(opening.shape.stepsOther), obstacles: max(opening.shape.obstacles) },
  needs: { description: max(needs.shape.description), mostHelpful: max(needs.shape.mostHelpful) },
  interview: { topicsOther: max(interview.shape.topicsOther) },
} as const;

/** How many offerings one response may hold (`offerings: z.array(Offering).max(30)` in the questionnaire). */
export const maxOfferings = 30;
