import { describe, expect, it } from 'vitest';
import { compareWaves, countChanges, inOrder, type WaveInput } from './compare-waves';
import type { SurveyWave } from './evaluate';
import type { EvaluationRow } from './rows';
import { WaveComparison } from './schemas';
import { offering, submitted, unanswered } from './testing/rows';

const now = new Date('2027-12-01T08:00:00Z');
const noProcess = { interviews: [], findings: [] };

const first: SurveyWave = {
  surveyId: '20000000-0000-4000-8000-000000000001',
  title: 'Bestandsaufnahme 2026',
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2027-01-31T23:00:00.000Z',
  wave: 1,
  questionnaireVersion: '2026-11-01',
};
const second: SurveyWave = {
  surveyId: '20000000-0000-4000-8000-000000000002',
  title: 'Bestandsaufnahme 2027',
  opensAt: '2027-11-01T00:00:00.000Z',
  closesAt: '2028-01-31T23:00:00.000Z',
  wave: 2,
  previousSurveyId: first.surveyId,
  questionnaireVersion: '2026-11-01',
};

const wave = (survey: SurveyWave, rows: EvaluationRow[]): WaveInput => ({
  survey,
  rows,
  process: noProcess,
});

// The same offerings in both waves, as carry-over keeps their ids.
const evening = offering({
  title: 'Deutschkurs am Abend',
  category: 'language_courses',
  places: ['ochsenfurt'],
});
const cafe = offering({ title: 'Elterncafé', category: 'children_youth', places: ['ochsenfurt'] });
const homework = offering({
  title: 'Hausaufgabenhilfe',
  category: 'children_youth',
  places: ['giebelstadt'],
});
const counselling = offering({ title: 'Beratung', category: 'counselling', places: ['giebelstadt'] });
const mentoring = offering({
  title: 'Patenschaften',
  category: 'volunteering_mentoring',
  places: ['giebelstadt'],
});

/**
 * Wave 1: A (education, Ochsenfurt) offers the evening course and the café; B (social, Giebelstadt)
 * offers homework help and counselling. Wave 2: A dropped the café and added nothing; B kept homework
 * help, dropped counselling and added mentoring; C was invited and never answered.
 */
function waves() {
  const earlier = wave(first, [
    submitted(
      'a',
      {
        name: 'VHS Ochsenfurt',
        sector: 'education',
        places: ['ochsenfurt'],
        offerings: [evening, cafe],
        needs: ['language', 'funding'],
      },
      { first: '2026-11-20T10:00:00Z' },
    ),
    submitted(
      'b',
      {
        name: 'Caritas Giebelstadt',
        sector: 'social',
        places: ['giebelstadt'],
        offerings: [homework, counselling],
        needs: ['housing'],
      },
      { first: '2026-11-21T10:00:00Z' },
    ),
  ]);
  const later = wave(second, [
    submitted(
      'd',
      {
        name: 'VHS Ochsenfurt',
        sector: 'education',
        places: ['ochsenfurt'],
        offerings: [evening],
        needs: ['language'],
      },
      { first: '2027-11-20T10:00:00Z' },
    ),
    submitted(
      'e',
      {
        name: 'Caritas Giebelstadt',
        sector: 'social',
        places: ['giebelstadt'],
        offerings: [homework, mentoring],
        needs: ['housing', 'staff'],
      },
      { first: '2027-11-22T10:00:00Z' },
    ),
    unanswered('f', 'not_opened'),
  ]);
  return { earlier, later };
}

const ids = (offerings: { offeringId: string }[]) => offerings.map((o) => o.offeringId);

describe('comparing two waves', () => {
  it('orders the waves by their number, whichever the caller names first', () => {
    const { earlier, later } = waves();

    expect(inOrder(later, earlier).map((input) => input.survey.wave)).toEqual([1, 2]);
    expect(compareWaves(later, earlier, {}, now)).toEqual(compareWaves(earlier, later, {}, now));
  });

  it('lists offerings as appeared, disappeared and re-confirmed by their id', () => {
    const { earlier, later } = waves();

    const result = compareWaves(later, earlier, {}, now);

    expect(ids(result.offeringChanges.appeared)).toEqual([mentoring.offeringId]);
    expect(ids(result.offeringChanges.disappeared)).toEqual([counselling.offeringId, cafe.offeringId]);
    expect(ids(result.offeringChanges.reconfirmed)).toEqual([homework.offeringId, evening.offeringId]);
    expect(result.offeringChanges.appeared[0]).toEqual({
      offeringId: mentoring.offeringId,
      title: 'Patenschaften',
      institution: 'Caritas Giebelstadt',
      category: 'volunteering_mentoring',
    });
  });

  it('gives each figure in both waves with its change', () => {
    const { earlier, later } = waves();

    const result = WaveComparison.parse(compareWaves(earlier, later, {}, now));

    expect(result.earlier.surveyId).toBe(first.surveyId);
    expect(result.later).toMatchObject({
      surveyId: second.surveyId,
      wave: 2,
      title: 'Bestandsaufnahme 2027',
    });
    expect(result.progress.invited).toEqual({ earlier: 2, later: 3, change: 1 });
    expect(result.progress.submitted).toEqual({ earlier: 2, later: 2, change: 0 });
    expect(result.progress.responseRate.earlier).toBe(1);
    expect(result.progress.responseRate.later).toBeCloseTo(2 / 3);
    expect(result.progress.responseRate.change).toBeCloseTo(-1 / 3);
    expect(result.offerings.total).toEqual({ earlier: 4, later: 3, change: -1 });
    expect(result.questionnaireChanged).toBe(false);
  });

  it('counts a key seen in only one wave as 0 in the other', () => {
    const { earlier, later } = waves();

    const result = compareWaves(earlier, later, {}, now);

    const byKey = (list: { key: string }[]) =>
      Object.fromEntries(list.map(({ key, ...rest }) => [key, rest]));
    expect(byKey(result.offerings.byCategory)).toEqual({
      language_courses: { earlier: 1, later: 1, change: 0 },
      children_youth: { earlier: 2, later: 1, change: -1 },
      counselling: { earlier: 1, later: 0, change: -1 },
      volunteering_mentoring: { earlier: 0, later: 1, change: 1 },
    });
    expect(byKey(result.needs.byCategory)).toEqual({
      language: { earlier: 1, later: 1, change: 0 },
      housing: { earlier: 1, later: 1, change: 0 },
      funding: { earlier: 1, later: 0, change: -1 },
      staff: { earlier: 0, later: 1, change: 1 },
    });
  });

  it('applies the filter to both waves', () => {
    const { earlier, later } = waves();

    const result = compareWaves(earlier, later, { sector: 'social' }, now);

    // Only Caritas in both waves: the never-opened invitation has no sector and drops out.
    expect(result.progress.invited).toEqual({ earlier: 1, later: 1, change: 0 });
    expect(ids(result.offeringChanges.appeared)).toEqual([mentoring.offeringId]);
    expect(ids(result.offeringChanges.disappeared)).toEqual([counselling.offeringId]);
    expect(ids(result.offeringChanges.reconfirmed)).toEqual([homework.offeringId]);
    expect(result.offerings.byCategory.map((count) => count.key)).not.toContain('language_courses');
    expect(result.filter).toEqual({ sector: 'social' });
  });

  it('flags waves that asked different questionnaire versions', () => {
    const { earlier, later } = waves();

    const result = compareWaves(
      earlier,
      { ...later, survey: { ...second, questionnaireVersion: '2027-09-01' } },
      {},
      now,
    );

    expect(result.questionnaireChanged).toBe(true);
    expect(result.later.questionnaireVersion).toBe('2027-09-01');
  });

  it('has no rate change while a wave has nobody invited', () => {
    const { earlier } = waves();

    const result = compareWaves(earlier, wave(second, []), {}, now);

    expect(result.progress.responseRate).toEqual({ earlier: 1, later: null, change: null });
    expect(ids(result.offeringChanges.disappeared)).toHaveLength(4);
  });
});

describe('count lists side by side', () => {
  it('keeps the later order, then the keys only the earlier wave has', () => {
    expect(
      countChanges(
        [
          { key: 'x', count: 5 },
          { key: 'y', count: 1 },
        ],
        [
          { key: 'y', count: 3 },
          { key: 'z', count: 2 },
        ],
      ),
    ).toEqual([
      { key: 'y', earlier: 1, later: 3, change: 2 },
      { key: 'z', earlier: 0, later: 2, change: 2 },
      { key: 'x', earlier: 5, later: 0, change: -5 },
    ]);
  });
});
