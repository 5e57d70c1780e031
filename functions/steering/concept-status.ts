import type { Milestone } from '../chatbot/knowledge/knowledge-base';
import { formatMonthOrDay } from '../shared/i18n/format';
import { type Language, sourceLanguage } from '../shared/i18n/languages';
import { type MessageKey, translate } from '../shared/i18n/messages';
import {
  type ConceptStatus,
  type Measure,
  type MeasureCounts,
  type MeasureStatus,
  measureStatuses,
  type PublicPriority,
  type PublishedEvaluationReference,
  publicPriorityStatuses,
  type SteeringTexts,
} from './schemas';
import type { SteeringRepository } from './steering';

/**
 * What "Where does the concept stand?" is built from. The public page and the chatbot both call
 * `conceptStatus` with these, so they can never tell different stories.
 */
export interface ConceptStatusDeps {
  /** The milestones as staff left them (seeded file plus edits), oldest first. */
  milestones: () => Promise<Milestone[]>;
  steering: Pick<SteeringRepository, 'listPriorities' | 'listMeasures'>;
  /** Published evaluation reports, newest first, with their summary in the language. */
  evaluations?: (language: Language) => Promise<PublishedEvaluationReference[]>;
}

function localized(
  texts: Partial<Record<Language, { title: string; description: string } | undefined>>,
  de: { title: string; description: string },
  language: Language,
) {
  const own = texts[language];
  if (own) return { title: own.title, description: own.description, textLanguage: language, fallback: false };
  return {
    title: de.title,
    description: de.description,
    textLanguage: sourceLanguage,
    fallback: language !== sourceLanguage,
  };
}

const textIn = (texts: SteeringTexts, language: Language) => localized(texts, texts.de, language);

function countByStatus(measures: Measure[]): MeasureCounts {
  const counts = Object.fromEntries(measureStatuses.map((status) => [status, 0])) as MeasureCounts;
  for (const measure of measures) counts[measure.status] += 1;
  return counts;
}

/**
 * The concept's status in one language.
 * 1. Read the milestones, the steering records and the published evaluations (in parallel).
 * 2. Keep the adopted and completed priorities (proposals and dropped ones are the committee's own),
 *    each with its measures in the order of their timeframes.
 * 3. Count those measures by status; name no one: who recorded what stays in the console.
 */
export async function conceptStatus(deps: ConceptStatusDeps, language: Language): Promise<ConceptStatus> {
  const [milestones, priorities, measures, evaluations] = await Promise.all([
    deps.milestones(),
    deps.steering.listPriorities(),
    deps.steering.listMeasures(),
    deps.evaluations?.(language) ?? Promise.resolve([]),
  ]);
  const shown = priorities
    .filter((priority) => publicPriorityStatuses.includes(priority.status))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const shownIds = new Set(shown.map((priority) => priority.priorityId));
  const shownMeasures = measures
    .filter((measure) => shownIds.has(measure.priorityId))
    .sort(
      (a, b) => a.timeframe.from.localeCompare(b.timeframe.from) || a.createdAt.localeCompare(b.createdAt),
    );
  const updated = [...priorities, ...measures].map((item) => item.updatedAt).sort();
  const latest = updated[updated.length - 1];
  return {
    language,
    milestones: milestones.map((milestone) => ({
      id: milestone.id,
      date: milestone.date,
      ...localized(milestone.texts, milestone.texts.de, language),
    })),
    priorities: shown.map((priority): PublicPriority => {
      const own = shownMeasures.filter((measure) => measure.priorityId === priority.priorityId);
      return {
        priorityId: priority.priorityId,
        ...textIn(priority.texts, language),
        status: priority.status,
        needs: priority.justification.needs,
        measureCounts: countByStatus(own),
        measures: own.map((measure) => ({
          measureId: measure.measureId,
          ...textIn(measure.texts, language),
          owner: measure.owner,
          partners: measure.partners,
          timeframe: measure.timeframe,
          status: measure.status,
        })),
      };
    }),
    measureCounts: countByStatus(shownMeasures),
    evaluations,
    ...(latest ? { updatedAt: latest } : {}),
  };
}

/** The measure states the bot names (dropped ones are on the page, not in a short answer). */
const spokenStatuses: MeasureStatus[] = ['planned', 'in_progress', 'done'];
const latestMilestones = 3;

/**
 * The chatbot's answer to "where does the concept stand?", from the same status as the public page:
 * the latest milestones, the priorities, how many measures are planned, under way and done, and the
 * link to the page.
 */
export function conceptStatusLines(status: ConceptStatus, publicBaseUrl: string): string[] {
  const { language } = status;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const lines: string[] = [];
  if (status.milestones.length > 0) {
    lines.push(
      [
        t('steering.botMilestones'),
        ...[...status.milestones]
          .sort((a, b) => b.date.localeCompare(a.date))
          .slice(0, latestMilestones)
          .map((milestone) => `• ${formatMonthOrDay(milestone.date, language)}: ${milestone.title}`),
      ].join('\n'),
    );
  }
  if (status.priorities.length > 0) {
    lines.push(
      [t('steering.botPriorities'), ...status.priorities.map((priority) => `• ${priority.title}`)].join('\n'),
    );
    const counts = spokenStatuses.map((state) =>
      t(`steering.measureCount.${state}`, { count: status.measureCounts[state] }),
    );
    lines.push(`${t('steering.botMeasures')} ${counts.join(', ')}.`);
  } else {
    lines.push(t('steering.botNoPriorities'));
  }
  lines.push(`${t('steering.botMore')} ${publicBaseUrl}/concept/status?lang=${language}`);
  return lines;
}
