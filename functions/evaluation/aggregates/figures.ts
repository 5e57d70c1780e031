import { directionOf } from '../../shared/i18n/languages';
import { type EvaluatedSurvey, processFigures } from '../evaluate';
import type { ProcessRecords } from '../rows';
import type { Evaluation, QuotedText } from '../schemas';
import { sortedCounts } from '../tally';
import { type Counters, counter, type QuotableTexts } from './contribution';

/** Counters whose name starts with `prefix`, by the rest of the name. */
function withPrefix(counts: Counters, prefix: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const [name, count] of Object.entries(counts)) {
    if (name.startsWith(prefix) && count > 0) found.set(name.slice(prefix.length), count);
  }
  return found;
}

/**
 * The unfiltered dashboard from a survey's aggregate: the same figures, in the same order, as
 * `evaluate` gives from the rows (a test holds them equal), read from counters instead of counted.
 */
export function evaluationFromAggregate(
  survey: EvaluatedSurvey,
  counts: Counters,
  texts: readonly QuotableTexts[],
  process: ProcessRecords,
  now: Date,
): Evaluation {
  const count = (name: string) => Math.max(counts[name] ?? 0, 0);
  const invited = count(counter.invited);
  const revoked = count(counter.revoked);
  const submitted = count(counter.submitted);
  const answerable = invited - revoked;
  const breakdown = (by: 'sector' | 'type' | 'place') =>
    [...withPrefix(counts, counter.breakdownInvited(by, '')).entries()]
      .map(([key, keyInvited]) => ({
        key,
        invited: keyInvited,
        submitted: count(counter.breakdownSubmitted(by, key)),
      }))
      .sort((a, b) => b.invited - a.invited || a.key.localeCompare(b.key));
  let cumulative = 0;
  const submissionsOverTime = [...withPrefix(counts, counter.submittedOn('')).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, perDay]) => {
      cumulative += perDay;
      return { date, count: perDay, cumulative };
    });
  const offerings = count(counter.offerings);
  const consented = count(counter.offeringsConsented);

  const bySector = new Map<string, Map<string, number>>();
  for (const [name, perStatus] of Object.entries(counts)) {
    // `oss|<sector>|<status>`: option ids hold no `|`.
    if (!name.startsWith(counter.openingStatusBySector('', '').slice(0, 4)) || perStatus <= 0) continue;
    const [, sector = '', status = ''] = name.split('|');
    const statuses = bySector.get(sector) ?? new Map<string, number>();
    statuses.set(status, perStatus);
    bySector.set(sector, statuses);
  }
  const total = (statuses: Map<string, number>) => [...statuses.values()].reduce((sum, n) => sum + n, 0);

  const sorted = [...texts].sort(
    (a, b) =>
      a.institution.localeCompare(b.institution, 'de') || a.invitationId.localeCompare(b.invitationId),
  );
  const quotes = (of: readonly QuotableTexts[], textOf: (texts: QuotableTexts) => string): QuotedText[] =>
    of
      .filter((entry) => textOf(entry) !== '')
      .map((entry) => ({
        invitationId: entry.invitationId,
        institution: entry.institution,
        text: textOf(entry),
        lang: entry.lang,
        dir: directionOf(entry.lang),
        quoteConsent: entry.quoteConsent,
      }));

  return {
    surveyId: survey.surveyId,
    title: survey.title,
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    generatedAt: now.toISOString(),
    filter: {},
    progress: {
      invited,
      opened: count(counter.opened),
      inProgress: count(counter.inProgress),
      submitted,
      revoked,
      responseRate: answerable > 0 ? submitted / answerable : null,
      bySector: breakdown('sector'),
      byType: breakdown('type'),
      byPlace: breakdown('place'),
      submissionsOverTime,
    },
    offerings: {
      total: offerings,
      consented,
      notConsented: offerings - consented,
      byCategory: sortedCounts(withPrefix(counts, counter.offeringCategory(''))),
      byPlace: sortedCounts(withPrefix(counts, counter.offeringPlace(''))),
      byTargetGroup: sortedCounts(withPrefix(counts, counter.targetGroup(''))),
      byLanguage: sortedCounts(withPrefix(counts, counter.offeredLanguage(''))),
    },
    opening: {
      byStatus: sortedCounts(withPrefix(counts, counter.openingStatus(''))),
      bySector: [...bySector.entries()]
        .sort(([a, left], [b, right]) => total(right) - total(left) || a.localeCompare(b))
        .map(([sector, statuses]) => ({ sector, statuses: sortedCounts(statuses) })),
      steps: sortedCounts(withPrefix(counts, counter.openingStep(''))),
      obstacles: quotes(sorted, (entry) => entry.obstacles),
    },
    needs: {
      byCategory: sortedCounts(withPrefix(counts, counter.need(''))).map((need) => ({
        ...need,
        texts: quotes(
          sorted.filter((entry) => entry.needCategories.includes(need.key)),
          (entry) => entry.needsDescription,
        ),
      })),
      mostHelpful: quotes(sorted, (entry) => entry.mostHelpful),
    },
    interviewsAndWorkshop: processFigures(process, (topic) => count(counter.topicNeeds(topic))),
  };
}
