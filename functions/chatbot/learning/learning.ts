import { notFound } from '../../shared/domain/errors';
import { defaultRetention, expiryOf } from '../../shared/domain/retention';
import type { Language } from '../../shared/i18n/languages';
import { logger } from '../../shared/log/logger';
import type { Page } from '../../shared/store/store';
import { redactPersonalData } from './redaction';

/**
 * Learning from gaps: residents rate answers, and questions the bot could not answer are kept, without
 * personal data, for staff to review and to turn into knowledge entries.
 */

/** What a rating is about: a knowledge entry's id, or `offerings` for a search in the directory. */
export const offeringsSubject = 'offerings';

/** One rating, with nothing about who gave it: the subject, the language, helpful or not, the day. */
export interface AnswerRating {
  subject: string;
  language: Language;
  helpful: boolean;
  day: string;
}

export interface FeedbackCount {
  subject: string;
  language: Language;
  day: string;
  helpful: number;
  notHelpful: number;
}

export interface UnansweredQuestion {
  questionId: string;
  /** Already redacted: e-mail addresses, phone numbers, addresses and names are gone. */
  text: string;
  language: Language;
  receivedAt: string;
  /** The closest entries the bot offered instead, for staff to see what it nearly matched. */
  closest: string[];
  reviewed: boolean;
  expiresAt: number;
}

export interface LearningStorePort {
  countRating(rating: AnswerRating, expiresAt: number): Promise<void>;
  feedbackCounts(): Promise<FeedbackCount[]>;
  keepQuestion(question: UnansweredQuestion): Promise<void>;
  questions(options: { limit: number; cursor?: string | undefined }): Promise<Page<UnansweredQuestion>>;
  question(questionId: string): Promise<UnansweredQuestion | undefined>;
  markReviewed(questionId: string): Promise<void>;
  deleteQuestion(questionId: string): Promise<void>;
}

export interface LearningDeps {
  store: LearningStorePort;
  now: () => Date;
  newId: () => string;
}

const day = 24 * 60 * 60 * 1000;
/**
 * Unanswered questions are kept 90 days: long enough for a monthly review to see a gap that recurs
 * over a quarter, short enough that anything the redaction missed does not stay.
 */
export const unansweredRetentionDays = defaultRetention.unansweredQuestion;
/** Rating counts hold no personal data; 400 days allow comparing a month with the year before. */
export const feedbackRetentionDays = 400;
const maxQuestionLength = 1000;

/** What the conversation needs from learning; failures never break a turn and never log the text. */
export interface ConversationLearning {
  rate(rating: { subject: string; language: Language; helpful: boolean }): Promise<void>;
  keepUnanswered(question: { text: string; language: Language; closest: string[] }): Promise<void>;
}

const smallTalk = new Set(
  [
    'hallo hi hey hello moin servus guten tag morgen abend danke dankeschön vielen dank thanks thank you ok okay',
    'ja nein yes no bye tschüss good morning merhaba selam teşekkürler teşekkür ederim tamam evet hayır',
    'привет здравствуйте спасибо да нет привіт вітаю дякую так ні добрий день доброго дня',
    'مرحبا سلام شكرا نعم لا السلام عليكم ممنون مرسی بله نه درود',
  ]
    .join(' ')
    .split(' '),
);

/** Only greetings, thanks, yes or no: nothing staff could add an entry for. */
export function isSmallTalk(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  return words.length <= 4 && words.every((word) => smallTalk.has(word));
}

/** A time-sortable id, so a Query on the partition lists the newest questions first. */
function sortableId(now: Date, random: string): string {
  return `${now.getTime().toString(36).padStart(9, '0')}-${random.replaceAll('-', '').slice(0, 12)}`;
}

export async function rateAnswer(
  deps: LearningDeps,
  rating: { subject: string; language: Language; helpful: boolean },
): Promise<void> {
  const now = deps.now();
  await deps.store.countRating(
    { ...rating, day: now.toISOString().slice(0, 10) },
    Math.floor((now.getTime() + feedbackRetentionDays * day) / 1000),
  );
}

export async function keepUnanswered(
  deps: LearningDeps,
  question: { text: string; language: Language; closest: string[] },
): Promise<UnansweredQuestion | undefined> {
  // 1. Greetings and thanks are no gap in the knowledge; redact the rest first: the original text is
  //    never stored and never logged.
  if (isSmallTalk(question.text)) return undefined;
  const text = redactPersonalData(question.text.slice(0, maxQuestionLength)).trim();
  if (!text) return undefined;
  // 2. Keep it with a TTL for staff review.
  const now = deps.now();
  const kept: UnansweredQuestion = {
    questionId: sortableId(now, deps.newId()),
    text,
    language: question.language,
    receivedAt: now.toISOString(),
    closest: question.closest.slice(0, 3),
    reviewed: false,
    expiresAt: expiryOf('unansweredQuestion', now),
  };
  await deps.store.keepQuestion(kept);
  return kept;
}

export function conversationLearning(deps: LearningDeps): ConversationLearning {
  const safely = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      logger.error('learning write failed', {
        what,
        errorType: error instanceof Error ? error.name : 'unknown',
      });
    }
  };
  return {
    rate: (rating) => safely('rating', () => rateAnswer(deps, rating)),
    keepUnanswered: (question) => safely('unanswered', () => keepUnanswered(deps, question)),
  };
}

export interface FeedbackSummaryRow {
  subject: string;
  helpful: number;
  notHelpful: number;
  byLanguage: { language: Language; helpful: number; notHelpful: number }[];
}

/** Ratings per subject over the whole retention period, the most "not helpful" first. */
export function summarizeFeedback(counts: FeedbackCount[]): FeedbackSummaryRow[] {
  const rows = new Map<string, FeedbackSummaryRow>();
  for (const count of counts) {
    const row = rows.get(count.subject) ?? {
      subject: count.subject,
      helpful: 0,
      notHelpful: 0,
      byLanguage: [],
    };
    row.helpful += count.helpful;
    row.notHelpful += count.notHelpful;
    const language = row.byLanguage.find((entry) => entry.language === count.language);
    if (language) {
      language.helpful += count.helpful;
      language.notHelpful += count.notHelpful;
    } else {
      row.byLanguage.push({ language: count.language, helpful: count.helpful, notHelpful: count.notHelpful });
    }
    rows.set(count.subject, row);
  }
  return [...rows.values()].sort((a, b) => b.notHelpful - a.notHelpful || a.subject.localeCompare(b.subject));
}

export interface UnansweredView extends Omit<UnansweredQuestion, 'expiresAt'> {
  expiresAt: string;
}

function view(question: UnansweredQuestion): UnansweredView {
  return { ...question, expiresAt: new Date(question.expiresAt * 1000).toISOString() };
}

/** The kept questions, newest first, a page at a time. */
export async function listUnanswered(
  deps: Pick<LearningDeps, 'store'>,
  cursor: string | undefined,
): Promise<{ questions: UnansweredView[]; cursor?: string }> {
  const page = await deps.store.questions({ limit: 50, cursor });
  return { questions: page.items.map(view), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export async function markReviewed(
  deps: Pick<LearningDeps, 'store'>,
  questionId: string,
): Promise<UnansweredView> {
  await deps.store.markReviewed(questionId);
  const question = await deps.store.question(questionId);
  if (!question) throw notFound('unanswered question');
  return view(question);
}

export async function deleteUnanswered(
  deps: Pick<LearningDeps, 'store'>,
  questionId: string,
): Promise<{ removed: true }> {
  if (!(await deps.store.question(questionId))) throw notFound('unanswered question');
  await deps.store.deleteQuestion(questionId);
  return { removed: true };
}
