import type { needCategories, offeringCategories } from '../survey/questionnaire';

type NeedCategory = (typeof needCategories)[number];
type OfferingCategory = (typeof offeringCategories)[number];

/**
 * Which offering category answers which need. `funding`, `staff`, `interpreters` and `other` are needs
 * of the institutions themselves with no offering that answers them, so they have no counterpart: they
 * count in the needs figures but have no row in the gap view and no topic beside the findings.
 */
export const offeringCategoryForNeed: Partial<Record<NeedCategory, OfferingCategory>> = {
  language: 'language_courses',
  childcare: 'children_youth',
  information: 'counselling',
  counselling: 'counselling',
  work: 'work_training',
  housing: 'housing',
  networking: 'volunteering_mentoring',
};

export function needTopic(need: NeedCategory): OfferingCategory | undefined {
  return offeringCategoryForNeed[need];
}
