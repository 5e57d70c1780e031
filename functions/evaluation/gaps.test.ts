import { describe, expect, it } from 'vitest';
import { placeIds, targetGroups } from '../survey/questionnaire';
import { gapState, gapView } from './gaps';
import type { EvaluationRow } from './rows';
import { type GapCell, GapView } from './schemas';
import { offering, submitted, unanswered } from './testing/rows';

const surveyId = '20000000-0000-4000-8000-000000000001';
const at = { first: '2026-11-20T10:00:00Z' };

/**
 * G1 Ochsenfurt needs language, offers a language course there for adults.
 * G2 Giebelstadt needs language and counselling, offers counselling in the whole county and Giebelstadt
 *    for everyone.
 * G3 the city of Würzburg needs language and counselling, offers a language course there for women.
 * G4 whole county needs childcare, offers an online language course for children.
 * G5, G6 Ochsenfurt need language, offer nothing. G7 has not answered.
 */
function wave(): EvaluationRow[] {
  return [
    submitted(
      '1',
      {
        places: ['ochsenfurt'],
        needs: ['language'],
        offerings: [
          offering({ category: 'language_courses', places: ['ochsenfurt'], targetGroups: ['adults'] }),
        ],
      },
      at,
    ),
    submitted(
      '2',
      {
        places: ['giebelstadt'],
        needs: ['language', 'counselling', 'funding'],
        offerings: [
          offering({
            category: 'counselling',
            places: ['whole-county', 'giebelstadt'],
            targetGroups: ['everyone'],
          }),
        ],
      },
      at,
    ),
    submitted(
      '3',
      {
        places: ['wuerzburg-city'],
        needs: ['language', 'counselling'],
        offerings: [
          offering({ category: 'language_courses', places: ['wuerzburg-city'], targetGroups: ['women'] }),
        ],
      },
      at,
    ),
    submitted(
      '4',
      {
        places: ['whole-county'],
        needs: ['childcare'],
        offerings: [
          offering({ category: 'language_courses', places: ['online'], targetGroups: ['children'] }),
        ],
      },
      at,
    ),
    submitted('5', { places: ['ochsenfurt'], needs: ['language'] }, at),
    submitted('6', { places: ['ochsenfurt'], needs: ['language'] }, at),
    unanswered('7', 'in_progress', '2026-11-19T09:00:00Z'),
  ];
}

function cellOf(
  view: GapView,
  need: string,
  side: 'byPlace' | 'byTargetGroup',
  column: string,
): GapCell | undefined {
  return view.rows.find((row) => row.need === need)?.[side].find((cell) => cell.column === column);
}

describe('gapView', () => {
  it('has one row per need that an offering category answers, with every place and target group as columns', () => {
    const view = gapView(surveyId, wave(), {});

    expect(GapView.safeParse(view).success).toBe(true);
    // funding, staff, interpreters and other have no offering counterpart.
    expect(view.rows.map((row) => [row.need, row.offeringCategory])).toEqual([
      ['language', 'language_courses'],
      ['childcare', 'children_youth'],
      ['information', 'counselling'],
      ['counselling', 'counselling'],
      ['work', 'work_training'],
      ['housing', 'housing'],
      ['networking', 'volunteering_mentoring'],
    ]);
    for (const row of view.rows) {
      expect(row.byPlace.map((cell) => cell.column)).toEqual(placeIds);
      expect(row.byTargetGroup.map((cell) => cell.column)).toEqual([...targetGroups]);
    }
  });

  it.each<[string, string, string, Omit<GapCell, 'column'>]>([
    // G1, G5 and G6 need language in Ochsenfurt; G1's course there and G4's online course reach it.
    [
      'few offerings where three need language and two reach',
      'language',
      'ochsenfurt',
      { needs: 3, offerings: 2, state: 'few' },
    ],
    // G2 in Giebelstadt; only G4's online course reaches it.
    [
      'an online offering counts at every municipality',
      'language',
      'giebelstadt',
      { needs: 1, offerings: 1, state: 'covered' },
    ],
    // Nobody reported a language need at Aub, but the online course reaches it.
    ['no need where nobody reported one', 'language', 'aub', { needs: 0, offerings: 1, state: 'no_need' }],
    [
      'an online offering counts in the city of Würzburg too',
      'language',
      'wuerzburg-city',
      { needs: 1, offerings: 2, state: 'covered' },
    ],
    [
      'an online offering counts in the online column',
      'language',
      'online',
      { needs: 0, offerings: 1, state: 'no_need' },
    ],
    // G2's counselling is for the whole county and Giebelstadt: counted once there.
    [
      'a whole-county offering counts once at a municipality it also names',
      'counselling',
      'giebelstadt',
      { needs: 1, offerings: 1, state: 'covered' },
    ],
    [
      'a whole-county offering counts at every municipality',
      'counselling',
      'aub',
      { needs: 0, offerings: 1, state: 'no_need' },
    ],
    // G3 needs counselling in the city; the whole-county offering does not reach the city.
    [
      'the city of Würzburg lies outside the county',
      'counselling',
      'wuerzburg-city',
      { needs: 1, offerings: 0, state: 'gap' },
    ],
    [
      'a need is counted at the places its institution named, whole county included',
      'childcare',
      'whole-county',
      { needs: 1, offerings: 0, state: 'gap' },
    ],
    [
      'an institution working in the whole county does not spread its need to municipalities',
      'childcare',
      'ochsenfurt',
      { needs: 0, offerings: 0, state: 'no_need' },
    ],
  ])('by place: %s', (_name, need, column, expected) => {
    expect(cellOf(gapView(surveyId, wave(), {}), need, 'byPlace', column)).toEqual({ column, ...expected });
  });

  it.each<[string, string, Omit<GapCell, 'column'>]>([
    // Language needs: G1 (offers for adults), G2 (everyone), G3 (women), G5 and G6 (no offerings).
    ['adults', 'adults', { needs: 2, offerings: 1, state: 'few' }],
    ['women', 'women', { needs: 2, offerings: 1, state: 'few' }],
    [
      'children, served by the online course of an institution without this need',
      'children',
      { needs: 1, offerings: 1, state: 'covered' },
    ],
    ['seniors, served by no language course', 'seniors', { needs: 1, offerings: 0, state: 'gap' }],
    ['everyone, where only G2 offers for everyone', 'everyone', { needs: 1, offerings: 0, state: 'gap' }],
  ])('by target group for language: %s', (_name, group, expected) => {
    expect(cellOf(gapView(surveyId, wave(), {}), 'language', 'byTargetGroup', group)).toEqual({
      column: group,
      ...expected,
    });
  });

  it('applies the filter to the institutions first: their needs and their offerings', () => {
    // Only G1, G5 and G6 work in Ochsenfurt; G4's online course drops out with G4.
    const view = gapView(surveyId, wave(), { place: 'ochsenfurt' });

    expect(cellOf(view, 'language', 'byPlace', 'ochsenfurt')).toEqual({
      column: 'ochsenfurt',
      needs: 3,
      offerings: 1,
      state: 'few',
    });
    expect(cellOf(view, 'language', 'byPlace', 'giebelstadt')?.needs).toBe(0);
    expect(view.filter).toEqual({ place: 'ochsenfurt' });
  });

  it.each([
    [0, 0, 'no_need'],
    [0, 5, 'no_need'],
    [1, 0, 'gap'],
    [3, 2, 'few'],
    [2, 2, 'covered'],
    [1, 4, 'covered'],
  ] as const)('calls %i needs against %i offerings "%s"', (needs, offerings, state) => {
    expect(gapState(needs, offerings)).toBe(state);
  });
});
