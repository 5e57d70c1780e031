import { formatMonthOrDay } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/languages';
import { translate } from '../../shared/i18n/messages';
import type { KnowledgeBase, KnowledgeLinkKey, Milestone } from './knowledge-base';
import { entryInLanguage, milestoneText } from './merge';

/** Configuration values the link keys of entries resolve to; a key without a value is left out. */
export type KnowledgeLinks = Partial<Record<KnowledgeLinkKey, string>>;

/** The entry whose answer is "where does it stand now?": it is followed by the latest milestones. */
export const currentStatusEntryId = 'current-status';
const latestMilestoneCount = 3;

/** "23. Januar 2019" or "Mai 2019" in the reader's language, always in the Gregorian calendar. */
export function formatMilestoneDate(date: string, language: Language): string {
  return formatMonthOrDay(date, language);
}

/** The newest milestones first, as lines of a chat answer. */
export function latestMilestoneLines(milestones: Milestone[], language: Language): string[] {
  return [...milestones]
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, latestMilestoneCount)
    .map((milestone) => {
      const text = milestoneText(milestone, language);
      return `• ${formatMilestoneDate(milestone.date, language)}: ${text.title}`;
    });
}

export function linkLabel(language: Language, key: KnowledgeLinkKey): string {
  return translate(
    language,
    key === 'contact.integration' ? 'concept.contactLabel' : 'concept.documentSurveyEvaluation',
  );
}

/**
 * The bot's answer to one entry: the text (German with a note in the reader's language when it has not
 * been translated yet), for "where does it stand now?" the concept's status (or, without it, the
 * latest milestones), the configured links,
 * and the entry's section of the concept page.
 */
export function composeKnowledgeAnswer(
  knowledge: { base: KnowledgeBase; milestones?: Milestone[] },
  language: Language,
  entryId: string,
  options: {
    publicBaseUrl: string;
    links: KnowledgeLinks;
    /** The concept's status (milestones, priorities, measures), replacing the milestone lines. */
    statusLines?: string[];
  },
): { text: string; textLanguage: Language } | undefined {
  const found = entryInLanguage(knowledge.base, language, entryId);
  if (!found) return undefined;
  const { entry } = found;
  const parts: string[] = [];
  if (found.fallback) parts.push(translate(language, 'bot.answerInGerman'));
  parts.push(entry.answer);
  if (entry.id === currentStatusEntryId && options.statusLines?.length) {
    parts.push(...options.statusLines);
  } else if (entry.id === currentStatusEntryId && knowledge.milestones?.length) {
    parts.push(
      [
        translate(language, 'bot.latestMilestones'),
        ...latestMilestoneLines(knowledge.milestones, language),
      ].join('\n'),
    );
  }
  for (const key of entry.links) {
    const value = options.links[key];
    if (value) parts.push(`${linkLabel(language, key)}: ${value}`);
  }
  parts.push(`${options.publicBaseUrl}/concept#${entry.section}`);
  return { text: parts.join('\n\n'), textLanguage: found.language };
}
