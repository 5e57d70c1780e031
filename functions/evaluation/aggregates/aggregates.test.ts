import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n/languages';
import {
  emptyAnswers,
  emptyOffering,
  institutionTypes,
  needCategories,
  openingStatuses,
  openingSteps,
  privacyNoticeVersion,
  type SurveyAnswers,
  sectors,
} from '../../survey/questionnaire';
import { buildRows, type InvitationFacts, type SubmissionFacts } from '../build-rows';
import { evaluate } from '../evaluate';
import { getEvaluation } from '../evaluation';
import type { ProcessRecords } from '../rows';
import { applyObservations } from './aggregates';
import { applyChange, type Observation } from './contribution';
import { evaluationFromAggregate } from './figures';
import { MemoryAggregateStore } from './testing/memory-aggregate-store';

/*
 * The aggregates against the query path and against a recount written here: random histories of
 * responses (saves that open the link, submits, corrections, revocations, an erased response),
 * delivered as stream records once and in order, or duplicated and shuffled.
 */

const surveyId = 'survey-1';
const survey = {
  surveyId,
  title: 'Welle 1',
  opensAt: '2026-11-01T00:00:00Z',
  closesAt: '2027-01-31T00:00:00Z',
};
const noProcess: ProcessRecords = { interviews: [], findings: [] };
const now = new Date('2026-12-24T12:00:00Z');
const places = ['ochsenfurt', 'aub', 'whole-county', 'wuerzburg-city'] as const;
const someOf = <T>(values: readonly T[], min = 0, max = 2) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: min, maxLength: max });

const answers: fc.Arbitrary<SurveyAnswers> = fc
  .record({
    name: fc.constantFrom('', 'Caritas Aub', 'Tafel Ochsenfurt'),
    sector: fc.constantFrom(...sectors),
    type: fc.constantFrom(...institutionTypes),
    places: someOf(places, 0, 2),
    offerings: fc.array(
      fc.record({
        category: fc.constantFrom('language_courses', 'counselling', 'housing'),
        publish: fc.boolean(),
        groups: someOf(['adults', 'women', 'everyone'] as const, 1, 2),
        places: someOf([...places, 'online'] as const, 1, 2),
        languages: someOf(['de', 'ar', 'tr'] as const, 1, 2),
      }),
      { maxLength: 2 },
    ),
    status: fc.option(fc.constantFrom(...openingStatuses), { nil: undefined }),
    steps: someOf(openingSteps, 0, 2),
    obstacles: fc.constantFrom('', '  ', 'Keine Zeit'),
    needs: someOf(needCategories, 0, 3),
    description: fc.constantFrom('', 'Mehr Kurse am Abend', 'مزيد من الدورات'),
    mostHelpful: fc.constantFrom('', 'Dolmetscher'),
    quoteConsent: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((spec) => {
    const given = emptyAnswers();
    given.institution = {
      name: spec.name,
      sector: spec.sector,
      sectorOther: '',
      type: spec.type,
      typeOther: '',
      places: [...spec.places],
    };
    given.offerings = spec.offerings.map((offering, index) => ({
      ...emptyOffering(`00000000-0000-4000-8000-00000000000${index}`, 'de'),
      title: 'Angebot',
      category: offering.category,
      targetGroups: [...offering.groups],
      languages: [...offering.languages],
      places: [...offering.places],
      cost: 'free',
      publish: offering.publish,
    }));
    given.opening = {
      status: spec.status,
      steps: [...spec.steps],
      stepsOther: '',
      obstacles: spec.obstacles,
    };
    given.needs = {
      categories: [...spec.needs],
      description: spec.description,
      mostHelpful: spec.mostHelpful,
    };
    given.privacy = { accepted: true, noticeVersion: privacyNoticeVersion, quoteConsent: spec.quoteConsent };
    return given;
  });

/** What happened to one invitation, in order. */
interface History {
  invitationId: string;
  name: string;
  language: Language;
  opened: boolean;
  /** Each submitted version (a correction is the next one), with its time. */
  submissions: { answers: SurveyAnswers; language: Language; at: string }[];
  revoked: boolean;
  /** The invitation was deleted (with its response): it no longer counts anywhere. */
  deleted: boolean;
}

const history = (index: number): fc.Arbitrary<History> =>
  fc.record({
    invitationId: fc.constant(`00000000-0000-4000-9000-${String(index).padStart(12, '0')}`),
    name: fc.constant(`Einrichtung ${index}`),
    language: fc.constantFrom<Language>('de', 'ar'),
    opened: fc.boolean(),
    submissions: fc.array(
      fc.record({
        answers,
        language: fc.constantFrom<Language>('de', 'ar', 'tr'),
        at: fc.constantFrom('2026-11-20T10:00:00Z', '2026-11-20T23:30:00Z', '2026-11-23T08:00:00Z'),
      }),
      { maxLength: 3 },
    ),
    revoked: fc.boolean(),
    deleted: fc.boolean().map((deleted) => deleted && index === 0),
  });

const histories = fc
  .integer({ min: 1, max: 5 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => history(index))));

/** The stream records one history writes, in the order the writes happen (what the table shows). */
function recordsOf(item: History): Observation[] {
  const invitation = (marks: { openedAt?: string; revokedAt?: string }, removed = false): Observation => ({
    kind: 'invitation',
    surveyId,
    invitationId: item.invitationId,
    institutionName: item.name,
    language: item.language,
    ...marks,
    removed,
  });
  const records: Observation[] = [invitation({})];
  const opened = item.opened || item.submissions.length > 0 ? { openedAt: '2026-11-19T09:00:00Z' } : {};
  if (opened.openedAt) records.push(invitation(opened));
  item.submissions.forEach((submission, index) => {
    records.push({
      kind: 'submission',
      surveyId,
      invitationId: item.invitationId,
      number: index + 1,
      submittedAt: submission.at,
      language: submission.language,
      answers: submission.answers,
      removed: false,
    });
    records.push(invitation(opened));
  });
  const final = item.revoked ? { ...opened, revokedAt: '2026-12-01T09:00:00Z' } : opened;
  if (item.revoked) records.push(invitation(final));
  if (item.deleted) records.push(invitation(final, true));
  return records;
}

/** The table as the query path reads it at the end of the histories. */
function tableOf(items: History[]): { invitations: InvitationFacts[]; submissions: SubmissionFacts[] } {
  const kept = items.filter((item) => !item.deleted);
  return {
    invitations: kept.map((item) => ({
      invitationId: item.invitationId,
      institutionName: item.name,
      language: item.language,
      openedAt: item.opened || item.submissions.length > 0 ? '2026-11-19T09:00:00Z' : undefined,
      revokedAt: item.revoked ? '2026-12-01T09:00:00Z' : undefined,
    })),
    submissions: kept.flatMap((item) =>
      item.submissions.map((submission, index) => ({
        invitationId: item.invitationId,
        number: index + 1,
        answers: submission.answers,
        language: submission.language,
        submittedAt: submission.at,
      })),
    ),
  };
}

/** Delivers the records one by one, as the stream consumer does. */
async function deliver(store: MemoryAggregateStore, records: readonly Observation[]) {
  for (const record of records) await applyObservations(store, [record]);
  await store.markComplete(surveyId, '2026-11-01T00:00:00Z');
}

/** Duplicates some records and shuffles all of them (fast-check picks how). */
const disorder = (records: Observation[]) =>
  fc.array(fc.nat({ max: Math.max(records.length - 1, 0) }), { maxLength: records.length }).chain((extra) =>
    fc.shuffledSubarray([...records, ...extra.flatMap((index) => records.slice(index, index + 1))], {
      minLength: records.length + extra.length,
    }),
  );

/** A few figures recounted from the histories by this test alone (none of the evaluation's code). */
function recount(items: History[]) {
  const kept = items.filter((item) => !item.deleted);
  const answered = kept.filter((item) => !item.revoked && item.submissions.length > 0);
  const latest = answered.map(
    (item) => item.submissions[item.submissions.length - 1]?.answers ?? emptyAnswers(),
  );
  const byKey = (keysOf: string[]) => {
    const counts: Record<string, number> = {};
    for (const key of keysOf) counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  };
  return {
    invited: kept.length,
    opened: kept.filter((item) => item.opened || item.submissions.length > 0).length,
    inProgress: kept.filter((item) => !item.revoked && item.submissions.length === 0 && item.opened).length,
    submitted: answered.length,
    revoked: kept.filter((item) => item.revoked).length,
    offerings: latest.reduce((sum, given) => sum + given.offerings.length, 0),
    consented: latest.reduce((sum, given) => sum + given.offerings.filter((o) => o.publish).length, 0),
    needs: byKey(latest.flatMap((given) => [...new Set(given.needs.categories)])),
    days: byKey(
      answered.map((item) =>
        new Date(item.submissions[0]?.at ?? '').toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' }),
      ),
    ),
    mostHelpful: latest.filter((given) => given.needs.mostHelpful.trim() !== '').length,
  };
}

describe('the evaluation aggregates', () => {
  it('give exactly the query path’s dashboard, whatever the order and duplicates of the records', async () => {
    const seen = { corrected: 0, revokedAfterSubmitting: 0, deleted: 0 };
    await fc.assert(
      fc.asyncProperty(
        histories.chain((items) => fc.tuple(fc.constant(items), disorder(items.flatMap(recordsOf)))),
        async ([items, delivered]) => {
          seen.corrected += items.filter((item) => item.submissions.length > 1).length;
          seen.revokedAfterSubmitting += items.filter(
            (item) => item.revoked && item.submissions.length,
          ).length;
          seen.deleted += items.filter((item) => item.deleted).length;
          const inOrder = new MemoryAggregateStore();
          await deliver(inOrder, items.flatMap(recordsOf));
          const disordered = new MemoryAggregateStore();
          await deliver(disordered, delivered);

          const { invitations, submissions } = tableOf(items);
          const expected = evaluate(survey, buildRows(invitations, submissions), noProcess, {}, now);
          for (const store of [inOrder, disordered]) {
            const aggregate = await store.aggregate(surveyId);
            const fromAggregate = evaluationFromAggregate(
              survey,
              aggregate?.counts ?? {},
              await store.texts(surveyId),
              noProcess,
              now,
            );
            expect(fromAggregate).toEqual(expected);
          }

          const counts = (await disordered.aggregate(surveyId))?.counts ?? {};
          const positive = (prefix: string) =>
            Object.fromEntries(
              Object.entries(counts)
                .filter(([name, count]) => name.startsWith(prefix) && count !== 0)
                .map(([name, count]) => [name.slice(prefix.length), count]),
            );
          const recounted = recount(items);
          expect({
            invited: counts['p|invited'] ?? 0,
            opened: counts['p|opened'] ?? 0,
            inProgress: counts['p|inProgress'] ?? 0,
            submitted: counts['p|submitted'] ?? 0,
            revoked: counts['p|revoked'] ?? 0,
            offerings: counts['o|total'] ?? 0,
            consented: counts['o|consented'] ?? 0,
            needs: positive('n|'),
            days: positive('d|'),
            mostHelpful: (await disordered.texts(surveyId)).filter((texts) => texts.mostHelpful !== '')
              .length,
          }).toEqual(recounted);
        },
      ),
      { numRuns: 150 },
    );
    // The runs must reach the cases that matter, or the property says little.
    expect(seen.corrected).toBeGreaterThan(20);
    expect(seen.revokedAfterSubmitting).toBeGreaterThan(20);
    expect(seen.deleted).toBeGreaterThan(20);
  }, 60_000);

  it('ignores a record it has applied, and one older than what it applied', () => {
    const [item] = fc.sample(history(1), { numRuns: 1, seed: 7 });
    if (!item) throw new Error('no sample');
    const withTwo: History = { ...item, revoked: false, deleted: false, submissions: [] };
    const first: Observation = {
      kind: 'submission',
      surveyId,
      invitationId: withTwo.invitationId,
      number: 1,
      submittedAt: '2026-11-20T10:00:00Z',
      language: 'de',
      answers: emptyAnswers(),
      removed: false,
    };
    const second: Observation = { ...first, number: 2, submittedAt: '2026-11-21T10:00:00Z' };
    const [created] = recordsOf(withTwo);
    if (!created) throw new Error('no invitation record');
    const applied = applyChange(undefined, [created, second]);
    expect(applied?.delta['p|submitted']).toBe(1);
    const again = applied && applyChange(applied, [second]);
    expect(again).toBeUndefined();
    // The first version only moves the response's time back to its first submission, nothing else.
    const older = applied && applyChange(applied, [first]);
    expect(older?.delta).toEqual({ 'd|2026-11-21': -1, 'd|2026-11-20': 1 });
    expect(older && applyChange(older, [first, second, created])).toBeUndefined();
  });

  it('answers the unfiltered dashboard from a complete aggregate and falls back to the rows otherwise', async () => {
    const aggregates = new MemoryAggregateStore();
    const rows = buildRows([{ invitationId: 'i-1', institutionName: 'Tafel', language: 'de' }], []);
    let rowReads = 0;
    const deps = {
      now: () => now,
      aggregates,
      source: {
        survey: async () => ({ ...survey, wave: 1, questionnaireVersion: 'v1' }),
        rows: async () => {
          rowReads += 1;
          return rows;
        },
        process: async () => noProcess,
        response: async () => undefined,
        contacts: async () => new Map(),
      },
    };
    // No aggregate yet: the rows are counted.
    expect((await getEvaluation(deps, surveyId, {})).progress.invited).toBe(1);
    expect(rowReads).toBe(1);
    await deliver(aggregates, [
      {
        kind: 'invitation',
        surveyId,
        invitationId: 'i-1',
        institutionName: 'Tafel',
        language: 'de',
        removed: false,
      },
    ]);
    expect((await getEvaluation(deps, surveyId, {})).progress.invited).toBe(1);
    expect(rowReads).toBe(1);
    // A filter the aggregate does not hold: the rows again.
    await getEvaluation(deps, surveyId, { sector: 'education' });
    expect(rowReads).toBe(2);
  });
});
