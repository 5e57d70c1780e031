import { municipalityIds, needCategories, placeIds, targetGroups } from '../survey/questionnaire';
import { offeringCategoryForNeed } from './need-topics';
import { type EvaluationRow, isSubmitted, matchesFilter, type SubmittedRow } from './rows';
import type { EvaluationFilter, GapCell, GapView } from './schemas';

type Offering = SubmittedRow['answers']['offerings'][number];

const municipalities = new Set<string>(municipalityIds);

/**
 * Whether an offering can be reached at a place column. An `online` offering reaches every column; a
 * `whole-county` offering reaches the whole-county column and every municipality of the county, but not
 * the city of Würzburg, which lies outside the county and is its own column.
 */
export function reachesPlace(offering: Offering, column: string): boolean {
  if (offering.places.includes('online') || offering.places.includes(column)) return true;
  return municipalities.has(column) && offering.places.includes('whole-county');
}

/** Whether an offering serves a target group; one for `everyone` serves every group. */
export function servesGroup(offering: Offering, group: string): boolean {
  return offering.targetGroups.some((served) => served === group || served === 'everyone');
}

/**
 * Where few or no offerings meet the needs institutions reported: "few" while there are fewer matching
 * offerings than institutions reporting the need there (fewer than one offering per institution).
 */
export function gapState(needs: number, offerings: number): GapCell['state'] {
  if (needs === 0) return 'no_need';
  if (offerings === 0) return 'gap';
  if (offerings < needs) return 'few';
  return 'covered';
}

function cell(column: string, needs: number, offerings: number): GapCell {
  return { column, needs, offerings, state: gapState(needs, offerings) };
}

/**
 * Needs against offerings, per need category that an offering category answers, by place and by target
 * group, from the submitted responses that pass the filter.
 *
 * 1. Keep the submitted rows that pass the filter (`matchesFilter`, the one rule).
 * 2. Per place: institutions that reported the need and work there, against the offerings of the
 *    matching category that reach there (`reachesPlace`).
 * 3. Per target group: institutions that reported the need and whose own offerings serve the group,
 *    against the offerings of the matching category that serve it (`servesGroup`).
 */
export function gapView(surveyId: string, rows: readonly EvaluationRow[], filter: EvaluationFilter): GapView {
  const submitted = rows.filter((row) => matchesFilter(row, filter)).filter(isSubmitted);
  const offerings = submitted.flatMap((row) => row.answers.offerings);
  return {
    surveyId,
    filter,
    rows: needCategories.flatMap((need) => {
      const offeringCategory = offeringCategoryForNeed[need];
      if (!offeringCategory) return [];
      const reporting = submitted.filter((row) => row.answers.needs.categories.includes(need));
      const answering = offerings.filter((offering) => offering.category === offeringCategory);
      return [
        {
          need,
          offeringCategory,
          byPlace: placeIds.map((place) =>
            cell(
              place,
              reporting.filter((row) => row.answers.institution.places.includes(place)).length,
              answering.filter((offering) => reachesPlace(offering, place)).length,
            ),
          ),
          byTargetGroup: targetGroups.map((group) =>
            cell(
              group,
              reporting.filter((row) => row.answers.offerings.some((own) => servesGroup(own, group))).length,
              answering.filter((offering) => servesGroup(offering, group)).length,
            ),
          ),
        },
      ];
    }),
  };
}
