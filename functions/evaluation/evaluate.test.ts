import { describe, expect, it } from 'vitest';
import { buildRows, type InvitationFacts, type SubmissionFacts } from './build-rows';
import { evaluate } from './evaluate';
import type { EvaluationRow, ProcessRecords } from './rows';
import { Evaluation, type EvaluationFilter, type QuotedText } from './schemas';
import { answers, idOf, offering, submitted, unanswered } from './testing/rows';

const survey = {
  surveyId: '20000000-0000-4000-8000-000000000001',
  title: 'Bestandsaufnahme',
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2027-01-31T23:00:00.000Z',
};
const now = new Date('2026-12-01T08:00:00Z');
const noProcess: ProcessRecords = { interviews: [], findings: [] };

/**
 * Five invitations: A and B submitted, C opened but not submitted, D never opened, E submitted and then
 * revoked. B came in at 00:30 Berlin time on 21 November, which is still 20 November in UTC.
 */
function wave(): EvaluationRow[] {
  return [
    submitted(
      'a',
      {
        name: 'VHS Ochsenfurt',
        sector: 'education',
        type: 'adult_education',
        places: ['ochsenfurt'],
        offerings: [
          offering({
            category: 'language_courses',
            publish: true,
            targetGroups: ['adults'],
            languages: ['de', 'ar'],
          }),
          offering({
            category: 'language_courses',
            publish: false,
            targetGroups: ['adults'],
            languages: ['de', 'ar'],
          }),
        ],
        status: 'started',
        steps: ['staff_training'],
        obstacles: '  Zu wenig Zeit  ',
        needs: ['language', 'funding'],
        needText: 'Mehr Abendkurse',
        mostHelpful: 'Dolmetscher',
      },
      { first: '2026-11-20T10:00:00Z', latest: '2026-11-22T10:00:00Z' },
    ),
    submitted(
      'b',
      {
        name: 'Beratungsverein',
        sector: 'social',
        type: 'association',
        places: ['giebelstadt', 'whole-county'],
        offerings: [
          offering({
            category: 'counselling',
            publish: true,
            targetGroups: ['everyone'],
            languages: ['tr'],
            places: ['whole-county'],
          }),
        ],
        status: 'planned',
        steps: ['multilingual_information'],
        obstacles: '',
        needs: ['language', 'counselling'],
        needText: 'مزيد من الاستشارات',
        mostHelpful: '   ',
      },
      { first: '2026-11-20T23:30:00Z', language: 'ar' },
    ),
    unanswered('c', 'in_progress', '2026-11-19T09:00:00Z'),
    unanswered('d', 'not_opened'),
    submitted(
      'e',
      {
        name: 'Zurückgezogen',
        sector: 'economy',
        needs: ['housing'],
        offerings: [offering({ category: 'housing' })],
      },
      { first: '2026-11-19T10:00:00Z', state: 'revoked' },
    ),
  ];
}

describe('evaluate', () => {
  it('counts progress over every invitation, and everything else over submitted responses only', () => {
    // Arrange: five rows, two of them submitted (A, B), one revoked after submitting (E).
    const result = evaluate(survey, wave(), noProcess, {}, now);

    // Assert: the answer fits the contract, and the revoked response's answers count nowhere.
    expect(Evaluation.safeParse(result).success).toBe(true);
    expect(result.progress).toMatchObject({
      invited: 5,
      // A, B and C opened their link; so did E before it was revoked; D never did.
      opened: 4,
      inProgress: 1,
      submitted: 2,
      revoked: 1,
      // 2 submitted of 5 invited less 1 revoked.
      responseRate: 0.5,
    });
    expect(result.progress.bySector).toEqual([
      { key: 'unknown', invited: 3, submitted: 0 },
      { key: 'education', invited: 1, submitted: 1 },
      { key: 'social', invited: 1, submitted: 1 },
    ]);
    expect(result.progress.byPlace).toEqual([
      { key: 'unknown', invited: 3, submitted: 0 },
      { key: 'giebelstadt', invited: 1, submitted: 1 },
      { key: 'ochsenfurt', invited: 1, submitted: 1 },
      { key: 'whole-county', invited: 1, submitted: 1 },
    ]);
    expect(result.generatedAt).toBe(now.toISOString());
  });

  it('puts each first submission on its day in Berlin, and a correction does not move it', () => {
    const result = evaluate(survey, wave(), noProcess, {}, now);

    // A was corrected on the 22nd but first came in on the 20th; B came in at 00:30 Berlin time on the 21st.
    expect(result.progress.submissionsOverTime).toEqual([
      { date: '2026-11-20', count: 1, cumulative: 1 },
      { date: '2026-11-21', count: 1, cumulative: 2 },
    ]);
  });

  it('counts offerings once under each of their categories, places, groups and languages', () => {
    const { offerings } = evaluate(survey, wave(), noProcess, {}, now);

    // A has two language courses (one consented), B one counselling offering; E's housing is revoked.
    expect(offerings).toMatchObject({ total: 3, consented: 2, notConsented: 1 });
    expect(offerings.byCategory).toEqual([
      { key: 'language_courses', count: 2 },
      { key: 'counselling', count: 1 },
    ]);
    expect(offerings.byPlace).toEqual([
      { key: 'ochsenfurt', count: 2 },
      { key: 'whole-county', count: 1 },
    ]);
    expect(offerings.byTargetGroup).toEqual([
      { key: 'adults', count: 2 },
      { key: 'everyone', count: 1 },
    ]);
    // Ties are ordered by key: ar and de both twice.
    expect(offerings.byLanguage).toEqual([
      { key: 'ar', count: 2 },
      { key: 'de', count: 2 },
      { key: 'tr', count: 1 },
    ]);
  });

  it('shows the opening per status and sector, and quotes obstacles as written in their language', () => {
    const { opening } = evaluate(survey, wave(), noProcess, {}, now);

    expect(opening.byStatus).toEqual([
      { key: 'planned', count: 1 },
      { key: 'started', count: 1 },
    ]);
    expect(opening.bySector).toEqual([
      { sector: 'education', statuses: [{ key: 'started', count: 1 }] },
      { sector: 'social', statuses: [{ key: 'planned', count: 1 }] },
    ]);
    expect(opening.steps.map((step) => step.key)).toEqual(['multilingual_information', 'staff_training']);
    // B left the obstacles empty, so only A's text is quoted, trimmed.
    expect(opening.obstacles).toEqual([
      {
        invitationId: idOf('a'),
        institution: 'VHS Ochsenfurt',
        text: 'Zu wenig Zeit',
        lang: 'de',
        dir: 'ltr',
        quoteConsent: false,
      },
    ]);
  });

  it('groups the needs text under every category its response chose, right to left where written so', () => {
    const { needs } = evaluate(survey, wave(), noProcess, {}, now);

    expect(needs.byCategory.map(({ key, count }) => ({ key, count }))).toEqual([
      { key: 'language', count: 2 },
      { key: 'counselling', count: 1 },
      { key: 'funding', count: 1 },
    ]);
    const language = needs.byCategory.find((need) => need.key === 'language');
    expect(language?.texts.map((text) => [text.text, text.dir])).toEqual([
      ['مزيد من الاستشارات', 'rtl'],
      ['Mehr Abendkurse', 'ltr'],
    ]);
    expect(needs.byCategory.find((need) => need.key === 'funding')?.texts.map((text) => text.text)).toEqual([
      'Mehr Abendkurse',
    ]);
    // B's "most helpful" is blank: no quote.
    expect(needs.mostHelpful.map((text) => text.text)).toEqual(['Dolmetscher']);
  });

  it('marks every quoted text with the consent to quote of its latest submitted answers', () => {
    // Arrange: A consented, then withdrew in a correction; B consented only in its correction; C answered
    // the first questionnaire, which did not ask; D declined. Versions arrive out of order.
    const invitation = (letter: string): InvitationFacts => ({
      invitationId: idOf(letter),
      institutionName: `Eingeladen ${letter}`,
      language: 'de',
      openedAt: '2026-11-19T10:00:00Z',
    });
    const version = (letter: string, number: number, quoteConsent?: boolean): SubmissionFacts => ({
      invitationId: idOf(letter),
      number,
      answers: answers({
        name: `Einrichtung ${letter.toUpperCase()}`,
        obstacles: 'Zu wenig Zeit',
        needs: ['language'],
        needText: 'Mehr Abendkurse',
        mostHelpful: 'Dolmetscher',
        ...(quoteConsent === undefined ? {} : { quoteConsent }),
      }),
      language: 'de',
      submittedAt: `2026-11-2${number}T10:00:00Z`,
    });
    const rows = buildRows(['a', 'b', 'c', 'd'].map(invitation), [
      version('a', 2, false),
      version('a', 1, true),
      version('b', 2, true),
      version('b', 1, false),
      version('c', 1),
      version('d', 1, false),
    ]);

    const result = evaluate(survey, rows, noProcess, {}, now);

    // Assert: the same marks on every kind of quoted text, and the answer fits the contract.
    const marks = (quotes: readonly QuotedText[] | undefined) =>
      (quotes ?? []).map((quoted) => [quoted.institution, quoted.quoteConsent]);
    const expected = [
      ['Einrichtung A', false],
      ['Einrichtung B', true],
      ['Einrichtung C', false],
      ['Einrichtung D', false],
    ];
    expect(marks(result.opening.obstacles)).toEqual(expected);
    expect(marks(result.needs.mostHelpful)).toEqual(expected);
    expect(marks(result.needs.byCategory.find((need) => need.key === 'language')?.texts)).toEqual(expected);
    expect(Evaluation.safeParse(result).success).toBe(true);
  });

  // A (education, Ochsenfurt, first in on the 20th) has two offerings; B (social, whole county, the 21st) one.
  it.each<
    [string, EvaluationFilter, { invited: number; submitted: number; responseRate: number | null }, number]
  >([
    [
      'a sector keeps only responses of that sector',
      { sector: 'education' },
      { invited: 1, submitted: 1, responseRate: 1 },
      2,
    ],
    [
      'a place keeps the institutions working there',
      { place: 'whole-county' },
      { invited: 1, submitted: 1, responseRate: 1 },
      1,
    ],
    [
      'a start date keeps responses first submitted from that Berlin day on',
      { from: '2026-11-21' },
      { invited: 1, submitted: 1, responseRate: 1 },
      1,
    ],
    [
      'an end date keeps responses first submitted until that Berlin day',
      { to: '2026-11-20' },
      { invited: 1, submitted: 1, responseRate: 1 },
      2,
    ],
    [
      'a sector nobody answered with leaves nothing',
      { sector: 'politics' },
      { invited: 0, submitted: 0, responseRate: null },
      0,
    ],
  ])('filters every figure at once: %s', (_name, filter, progress, offerings) => {
    const result = evaluate(survey, wave(), noProcess, filter, now);

    expect(result.progress).toMatchObject(progress);
    expect(result.offerings.total).toBe(offerings);
    expect(result.filter).toEqual(filter);
  });

  it('counts interviews by state and lays findings beside the survey needs per topic', () => {
    // Arrange: five interviews in five states; findings from an interview and the workshop.
    const process: ProcessRecords = {
      interviews: (['invited', 'booked', 'cancelled', 'held', 'written_up'] as const).map((state, index) => ({
        interviewId: idOf(`9${index}`),
        roundId: idOf('90'),
        roundTopic: 'Sprache',
        state,
      })),
      findings: [
        {
          source: 'interview',
          sourceId: 'r',
          sourceTitle: 'Sprache',
          kind: 'topic',
          text: 't',
          textLanguage: 'de',
          topics: ['language_courses'],
        },
        {
          source: 'workshop',
          sourceId: 'w',
          sourceTitle: 'Workshop',
          kind: 'need',
          text: 'n',
          textLanguage: 'de',
          topics: ['language_courses', 'counselling'],
        },
        {
          source: 'workshop',
          sourceId: 'w',
          sourceTitle: 'Workshop',
          kind: 'recommendation',
          text: 'r',
          textLanguage: 'de',
          topics: ['language_courses'],
        },
      ],
    };

    const { interviewsAndWorkshop } = evaluate(survey, wave(), process, {}, now);

    // Booked now: booked, held, written up (the cancelled one holds no booking); held: held and written up.
    expect(interviewsAndWorkshop.interviews).toEqual({ invited: 5, booked: 3, held: 2, writtenUp: 1 });
    const byTopic = new Map(interviewsAndWorkshop.byTopic.map((row) => [row.topic, row]));
    expect(byTopic.size).toBe(11);
    // A and B need language (→ language courses); B needs counselling; A's funding has no topic.
    expect(byTopic.get('language_courses')).toEqual({
      topic: 'language_courses',
      surveyNeeds: 2,
      interviewFindings: 1,
      workshopFindings: 1,
      recommendations: 1,
    });
    expect(byTopic.get('counselling')).toMatchObject({
      surveyNeeds: 1,
      interviewFindings: 0,
      workshopFindings: 1,
    });
    // E needed housing but was revoked.
    expect(byTopic.get('housing')).toMatchObject({ surveyNeeds: 0 });
  });
});
