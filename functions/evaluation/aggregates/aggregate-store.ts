import { z } from 'zod';
import { languageCodes } from '../../shared/i18n/languages';
import { keys } from '../../shared/store/keys';
import type { Store, TransactionStep } from '../../shared/store/store';
import { SurveyAnswers } from '../../survey/questionnaire';
import type { Applied, Change, Counters, QuotableTexts } from './contribution';

const language = z.enum(languageCodes);

const ResponseStateRecord = z.object({
  surveyId: z.string(),
  invitationId: z.string(),
  invitation: z
    .object({ institutionName: z.string(), language, opened: z.boolean(), revoked: z.boolean() })
    .optional(),
  invitationRemoved: z.boolean(),
  first: z.object({ number: z.number().int(), submittedAt: z.string() }).optional(),
  latest: z
    .object({ number: z.number().int(), submittedAt: z.string(), language, answers: SurveyAnswers })
    .optional(),
  submissionsRemoved: z.boolean(),
});

const AppliedRecord = z.object({
  state: ResponseStateRecord,
  contribution: z.record(z.string(), z.number()),
  version: z.number().int(),
});

const QuoteRecord = z.object({
  invitationId: z.string(),
  institution: z.string(),
  lang: language,
  quoteConsent: z.boolean(),
  obstacles: z.string(),
  needsDescription: z.string(),
  mostHelpful: z.string(),
  needCategories: z.array(z.string()),
});

/** Counters are attributes of the aggregate item named `n:<counter>`, so one ADD moves many at once. */
const counterPrefix = 'n:';
const AggregateItem = z.record(z.string(), z.unknown());

/** A survey's aggregate as read: its counters, and since when it holds every response of the survey. */
export interface Aggregate {
  counts: Counters;
  /** Set when the survey was created with the stream on, or after a rebuild: the counters are whole. */
  completeSince?: string;
}

/** What the aggregates' use cases need of the table (the DynamoDB implementation is below). */
export interface AggregateStore {
  /** What was applied for one response, with the version a write must still find. */
  applied(surveyId: string, invitationId: string): Promise<{ applied: Applied; version: number } | undefined>;
  /**
   * The response's new state and contribution, its quotable texts and the delta to the aggregate, in
   * ONE transaction, only if the response's item still has `expectedVersion` (0: no item yet);
   * `version_conflict`/`conflict` when another delivery applied first.
   */
  apply(change: Change, expectedVersion: number): Promise<void>;
  aggregate(surveyId: string): Promise<Aggregate | undefined>;
  texts(surveyId: string): Promise<QuotableTexts[]>;
  markComplete(surveyId: string, since: string): Promise<void>;
}

export class DynamoAggregateStore implements AggregateStore {
  constructor(private readonly store: Store) {}

  async applied(surveyId: string, invitationId: string) {
    const found = await this.store.get(keys.evaluationResponseState(surveyId, invitationId), AppliedRecord);
    if (!found) return undefined;
    const { version, ...applied } = found;
    return { applied, version };
  }

  async apply(change: Change, expectedVersion: number): Promise<void> {
    const { surveyId, invitationId } = change.state;
    const item = {
      ...keys.evaluationResponseState(surveyId, invitationId),
      entity: 'EvaluationResponseState',
      state: change.state,
      contribution: change.contribution,
    };
    const quoteKey = keys.evaluationQuote(surveyId, invitationId);
    const steps: TransactionStep[] = [
      expectedVersion === 0 ? { kind: 'create', item } : { kind: 'putVersioned', item, expectedVersion },
      change.texts
        ? { kind: 'put', item: { ...quoteKey, entity: 'EvaluationQuote', ...change.texts } }
        : { kind: 'delete', key: quoteKey },
    ];
    const delta = Object.entries(change.delta);
    if (delta.length > 0) {
      steps.push({
        kind: 'add',
        key: keys.evaluationAggregate(surveyId),
        add: Object.fromEntries(delta.map(([name, moved]) => [`${counterPrefix}${name}`, moved])),
      });
    }
    await this.store.transact(steps);
  }

  async aggregate(surveyId: string): Promise<Aggregate | undefined> {
    const item = await this.store.get(keys.evaluationAggregate(surveyId), AggregateItem);
    if (!item) return undefined;
    const counts: Counters = {};
    for (const [name, value] of Object.entries(item)) {
      if (name.startsWith(counterPrefix) && typeof value === 'number')
        counts[name.slice(counterPrefix.length)] = value;
    }
    const since = item.completeSince;
    return typeof since === 'string' ? { counts, completeSince: since } : { counts };
  }

  texts(surveyId: string): Promise<QuotableTexts[]> {
    return this.store.queryAll(QuoteRecord, {
      partition: keys.evaluationAggregatePartition(surveyId),
      beginsWith: keys.evaluationQuotePrefix(),
    });
  }

  async markComplete(surveyId: string, since: string): Promise<void> {
    // SET on the counters' item: created if no response was applied yet, counters left as they are.
    await this.store.update(keys.evaluationAggregate(surveyId), { completeSince: since });
  }
}
