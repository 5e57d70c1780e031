import type { PublicOffering } from '../../offerings/schemas';
import { formatDay, formatList, languageName } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/languages';
import { type MessageKey, translate } from '../../shared/i18n/messages';
import { conceptStatusLines } from '../../steering/concept-status';
import type { ConceptStatus } from '../../steering/schemas';
import { placeName } from '../../survey/questionnaire';
import {
  composeKnowledgeAnswer,
  currentStatusEntryId,
  formatMilestoneDate,
  type KnowledgeLinks,
} from '../knowledge/answer';
import type { KnowledgeBase, Milestone } from '../knowledge/knowledge-base';
import type { KnowledgeMatcher } from '../knowledge/matcher';
import { rate, withRating } from '../learning/answer-rating';
import { type ConversationLearning, offeringsSubject } from '../learning/learning';
import { detectLanguage, languageMenu, languageOfLocale, requestedLanguage } from './language';
import { isOfferingQuery, type OfferingQuery, parseOfferingQuery } from './offering-query';
import type { ConversationState } from './state';
import { type SurveyDialogDeps, startSurveyDialog, startsSurvey, surveyDialogTurn } from './survey-dialog';
import { clearlyAbout, understand } from './understand';

/** What arrived from the user, whatever the channel. */
export interface Incoming {
  text: string;
  /** Button payloads (suggested actions, card actions). */
  value: unknown;
  locale: string | undefined;
}

export interface Action {
  title: string;
  value: Record<string, string>;
}

export interface OfferingCard {
  title: string;
  textLanguage: Language;
  lines: string[];
  url: string | undefined;
}

export interface Reply {
  text: string;
  language: Language;
  actions?: Action[];
  cards?: OfferingCard[];
}

export interface ConversationDeps {
  /** The knowledge base and its matcher; without them the bot answers offerings questions only. */
  knowledge?: { base: KnowledgeBase; matcher: KnowledgeMatcher; milestones?: Milestone[] };
  /** The knowledge as staff left it (re-read when it changed); replaces `knowledge` for the turn. */
  currentKnowledge?: () => Promise<{
    base: KnowledgeBase;
    matcher: KnowledgeMatcher;
    milestones: Milestone[];
  }>;
  /** Ratings and unanswered questions for staff; left out, nothing is kept. */
  learning?: ConversationLearning;
  /** Configured values of the entries' link keys (documents, the contact); unset keys are left out. */
  knowledgeLinks?: KnowledgeLinks;
  findOfferings(
    query: OfferingQuery & { offset: number; limit: number },
  ): Promise<{ offerings: PublicOffering[]; total: number }>;
  publicBaseUrl: string;
  integrationContact: string;
  /** The survey by chat; without it the bot does not offer the survey. */
  survey?: SurveyDialogDeps;
  /**
   * "Where does the concept stand?" as the public page shows it (`functions/steering/concept-status.ts`);
   * without it the bot names the latest milestones only.
   */
  conceptStatus?: (language: Language) => Promise<ConceptStatus>;
  /**
   * The newest published evaluation (summary in the language); "what did the survey show?" is then
   * answered from it, with its date and its page. Without one, the knowledge entry answers alone.
   */
  latestEvaluation?: (language: Language) => Promise<LatestEvaluation | undefined>;
}

export interface LatestEvaluation {
  publishedAt: string;
  summary: string;
  /** The public report page, relative to the site. */
  path: string;
}

/** The knowledge entry about the survey's results: followed by the latest published evaluation. */
export const surveyResultsEntryId = 'survey-evaluation';

const pageSize = 3;

function words(language: Language, key: MessageKey): string[] {
  return translate(language, key)
    .split(',')
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
}

function mentions(text: string, language: Language, key: MessageKey): boolean {
  const lower = ` ${text.toLowerCase()} `;
  return [...new Set([...words(language, key), ...words('de', key), ...words('en', key)])].some((word) =>
    lower.includes(word),
  );
}

/** The whole message is one of the trigger phrases ("Sprache", "language"), not a question using it. */
function isExactly(text: string, language: Language, key: MessageKey): boolean {
  const message = text
    .toLowerCase()
    .replace(/[!?.]+$/u, '')
    .trim();
  return [...words(language, key), ...words('de', key), ...words('en', key)].includes(message);
}

function menu(language: Language): Action[] {
  const t = (key: MessageKey) => translate(language, key);
  return [
    { title: t('bot.menuOfferings'), value: { action: 'offerings' } },
    { title: t('bot.menuConcept'), value: { action: 'concept' } },
    { title: t('bot.menuContact'), value: { action: 'contact' } },
    { title: t('bot.menuLanguage'), value: { action: 'language' } },
    { title: t('bot.menuSurvey'), value: { action: 'survey' } },
  ];
}

function placeLabel(language: Language, id: string): string {
  if (id === 'whole-county') return translate(language, 'surveyMail.placeWholeCounty');
  if (id === 'online') return translate(language, 'surveyMail.placeOnline');
  return placeName(id) ?? id;
}

function card(language: Language, offering: PublicOffering, baseUrl: string): OfferingCard {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(language, key, params);
  return {
    title: offering.title,
    textLanguage: offering.textLanguage,
    lines: [
      offering.description,
      `${t('bot.offeringWhere')}: ${[
        offering.address,
        formatList(
          offering.places.map((id) => placeLabel(language, id)),
          language,
        ),
      ]
        .filter(Boolean)
        .join(' – ')}`,
      `${t('bot.offeringWhen')}: ${offering.schedule}`,
      `${t('bot.offeringLanguages')}: ${formatList(
        offering.languages.map((code) => languageName(code, language)),
        language,
      )}`,
      ...(offering.officeContact ? [`${t('bot.offeringContact')}: ${offering.officeContact}`] : []),
      t('bot.offeringReportedBy', {
        institution: offering.institutionName,
        date: formatDay(offering.lastConfirmedAt, language),
      }),
    ],
    url: offering.url || `${baseUrl}/offerings/${offering.offeringId}`,
  };
}

async function knowledgeAnswer(
  deps: ConversationDeps,
  state: ConversationState,
  language: Language,
  entryId: string,
): Promise<Reply | undefined> {
  if (!deps.knowledge) return undefined;
  const status =
    entryId === currentStatusEntryId && deps.conceptStatus ? await deps.conceptStatus(language) : undefined;
  const answer = composeKnowledgeAnswer(deps.knowledge, language, entryId, {
    publicBaseUrl: deps.publicBaseUrl,
    links: { 'contact.integration': deps.integrationContact, ...deps.knowledgeLinks },
    ...(status ? { statusLines: conceptStatusLines(status, deps.publicBaseUrl) } : {}),
  });
  if (!answer) return undefined;
  const latest = entryId === surveyResultsEntryId ? await deps.latestEvaluation?.(language) : undefined;
  // The published evaluation comes first: it is the answer; the entry says where the 2019 one is.
  const text = latest
    ? `${translate(language, 'evaluationReport.bot.latest', {
        date: formatMilestoneDate(latest.publishedAt.slice(0, 10), language),
        summary: latest.summary,
        url: `${deps.publicBaseUrl}${latest.path}`,
      })}\n\n${answer.text}`
    : answer.text;
  return withRating({ text, language }, state, entryId);
}

function topicButtons(deps: ConversationDeps, language: Language, entryIds: string[]): Action[] {
  const entries = deps.knowledge?.base[language] ?? [];
  return entryIds.flatMap((entryId) => {
    const entry = entries.find((candidate) => candidate.id === entryId);
    return entry ? [{ title: entry.title, value: { action: 'topic', entryId } }] : [];
  });
}

async function searchOfferings(
  deps: ConversationDeps,
  state: ConversationState,
  language: Language,
  query: OfferingQuery,
  offset: number,
): Promise<Reply[]> {
  const found = await deps.findOfferings({ ...query, offset, limit: pageSize });
  state.lastOfferingQuery = { ...query, offset };
  if (found.total === 0) {
    return [
      {
        text: translate(language, 'bot.offeringsNone', { directoryUrl: `${deps.publicBaseUrl}/offerings` }),
        language,
        actions: menu(language),
      },
    ];
  }
  const more = offset + pageSize < found.total;
  return [
    withRating(
      {
        text: translate(language, 'bot.offeringsFound', { count: found.total }),
        language,
        cards: found.offerings.map((offering) => card(language, offering, deps.publicBaseUrl)),
        ...(more
          ? { actions: [{ title: translate(language, 'bot.offeringsMore'), value: { action: 'more' } }] }
          : {}),
      },
      state,
      offeringsSubject,
    ),
  ];
}

/**
 * One turn of the conversation, free of any bot SDK: the language first (explicit choice, then the
 * channel's locale, then the text), then what the user wants. Below certainty the bot does not guess.
 */
export async function converse(
  given: ConversationDeps,
  state: ConversationState,
  incoming: Incoming,
): Promise<{ replies: Reply[]; state: ConversationState }> {
  const knowledge = await given.currentKnowledge?.();
  const deps: ConversationDeps = knowledge ? { ...given, knowledge } : given;
  const next: ConversationState = { ...state };
  const replies: Reply[] = [];
  const text = incoming.text.trim();
  const value = (incoming.value ?? {}) as Record<string, unknown>;
  // While an institution answers the survey, its messages are answers (until it pauses or ends).
  if (deps.survey && state.survey && !state.survey.paused)
    return surveyDialogTurn(deps.survey, state, incoming);

  // 1. Language: a button, a request in words, the channel's locale, the text itself.
  const chosen = typeof value.lang === 'string' ? value.lang : requestedLanguage(text);
  const chosenLanguage = languageMenu.find((entry) => entry.code === chosen)?.code;
  if (chosenLanguage) {
    next.language = chosenLanguage;
    next.languageChosen = true;
    replies.push({ text: translate(chosenLanguage, 'bot.languageChanged'), language: chosenLanguage });
    replies.push({
      text: translate(chosenLanguage, 'bot.menuPrompt'),
      language: chosenLanguage,
      actions: menu(chosenLanguage),
    });
    next.greeted = true;
    return { replies, state: next };
  }
  // The channel's locale counts before the text; clear text in another language still switches.
  const current = next.languageChosen ? next.language : (next.language ?? languageOfLocale(incoming.locale));
  const detected = text && !next.languageChosen ? detectLanguage(text, current) : undefined;
  const language: Language = detected ?? current ?? 'de';
  next.language = language;

  // 2. The first turn: who the bot is and the privacy notice, before anything is answered.
  if (!next.greeted) {
    next.greeted = true;
    replies.push({ text: translate(language, 'bot.welcome'), language });
    replies.push({
      text: translate(language, 'bot.privacyNotice', { privacyUrl: `${deps.publicBaseUrl}/privacy` }),
      language,
    });
    if (!text && !value.action) {
      replies.push({ text: translate(language, 'bot.menuPrompt'), language, actions: menu(language) });
      return { replies, state: next };
    }
  }

  // 3. What the user wants.
  const action = typeof value.action === 'string' ? value.action : undefined;
  if (deps.survey && (action === 'survey' || (!action && startsSurvey(text, language)))) {
    replies.push(...(await startSurveyDialog(deps.survey, next, language, text)));
  } else if (action === 'more' && next.lastOfferingQuery) {
    const { offset, ...query } = next.lastOfferingQuery;
    replies.push(...(await searchOfferings(deps, next, language, query, offset + pageSize)));
  } else if (action === 'language' || (!action && isExactly(text, language, 'bot.triggersLanguage'))) {
    replies.push({
      text: translate(language, 'bot.languagePrompt'),
      language,
      actions: languageMenu.map((entry) => ({ title: entry.title, value: { lang: entry.code } })),
    });
  } else if (
    action === 'contact' ||
    (!action &&
      mentions(text, language, 'bot.triggersHuman') &&
      !(deps.knowledge && clearlyAbout(deps.knowledge.matcher, text)))
  ) {
    replies.push({
      text: translate(language, 'bot.humanContact', { contact: deps.integrationContact }),
      language,
    });
  } else if (action === 'concept') {
    replies.push({
      text: translate(language, 'bot.conceptIntro', { conceptUrl: `${deps.publicBaseUrl}/concept` }),
      language,
    });
  } else if (action === 'rate') {
    replies.push(await rate(deps.learning, next, language, value));
  } else if (action === 'topic' && typeof value.entryId === 'string') {
    const answer = await knowledgeAnswer(deps, next, language, value.entryId);
    replies.push(
      answer ?? { text: translate(language, 'bot.notUnderstood'), language, actions: menu(language) },
    );
  } else if (action === 'offerings') {
    replies.push({ text: translate(language, 'bot.offeringsPrompt'), language });
  } else if (
    !action &&
    mentions(text, language, 'bot.triggersHelp') &&
    parseOfferingQuery(text).category === undefined // "Hausaufgabenhilfe" is a search
  ) {
    replies.push({ text: translate(language, 'bot.menuPrompt'), language, actions: menu(language) });
  } else {
    const understood = deps.knowledge ? understand(deps.knowledge.matcher, text) : undefined;
    const query = understood?.kind === 'offerings' ? understood.query : parseOfferingQuery(text);
    const answer =
      understood?.kind === 'knowledge'
        ? await knowledgeAnswer(deps, next, language, understood.entryId)
        : undefined;
    if (text && answer) {
      replies.push(answer);
    } else if (text && (understood ? understood.kind === 'offerings' : isOfferingQuery(query))) {
      replies.push(...(await searchOfferings(deps, next, language, query, 0)));
    } else if (text) {
      // Below the confidence threshold: say so, offer the closest topics and a person, never guess.
      const closest = understood?.kind === 'none' ? topicButtons(deps, language, understood.closest) : [];
      await deps.learning?.keepUnanswered({
        text,
        language,
        closest: understood?.kind === 'none' ? understood.closest : [],
      });
      replies.push({
        text: translate(language, 'bot.notUnderstood'),
        language,
        actions: [
          ...closest,
          { title: translate(language, 'bot.menuContact'), value: { action: 'contact' } },
        ],
      });
    } else if (replies.length === 0) {
      replies.push({ text: translate(language, 'bot.menuPrompt'), language, actions: menu(language) });
    }
  }
  return { replies, state: next };
}
