import { DomainError } from '../../../shared/domain/errors';
import type { Aggregate, AggregateStore } from '../aggregate-store';
import type { Applied, Change, Counters, QuotableTexts } from '../contribution';

/** The aggregates' store in memory, with the same version rule as the table's transaction. */
export class MemoryAggregateStore implements AggregateStore {
  readonly states = new Map<string, { applied: Applied; version: number }>();
  readonly counts = new Map<string, Counters>();
  readonly quotes = new Map<string, Map<string, QuotableTexts>>();
  readonly complete = new Map<string, string>();

  async applied(surveyId: string, invitationId: string) {
    const found = this.states.get(`${surveyId}/${invitationId}`);
    return found && structuredClone(found);
  }

  async apply(change: Change, expectedVersion: number): Promise<void> {
    const { surveyId, invitationId } = change.state;
    const key = `${surveyId}/${invitationId}`;
    if ((this.states.get(key)?.version ?? 0) !== expectedVersion) {
      throw new DomainError('version_conflict', 'stale version');
    }
    this.states.set(key, {
      applied: structuredClone({ state: change.state, contribution: change.contribution }),
      version: expectedVersion + 1,
    });
    const quotes = this.quotes.get(surveyId) ?? new Map<string, QuotableTexts>();
    if (change.texts) quotes.set(invitationId, structuredClone(change.texts));
    else quotes.delete(invitationId);
    this.quotes.set(surveyId, quotes);
    const counts = this.counts.get(surveyId) ?? {};
    for (const [name, moved] of Object.entries(change.delta)) counts[name] = (counts[name] ?? 0) + moved;
    this.counts.set(surveyId, counts);
  }

  async aggregate(surveyId: string): Promise<Aggregate | undefined> {
    const counts = this.counts.get(surveyId);
    const since = this.complete.get(surveyId);
    if (!counts && !since) return undefined;
    return { counts: { ...counts }, ...(since ? { completeSince: since } : {}) };
  }

  async texts(surveyId: string): Promise<QuotableTexts[]> {
    return [...(this.quotes.get(surveyId)?.values() ?? [])];
  }

  async markComplete(surveyId: string, since: string): Promise<void> {
    this.complete.set(surveyId, since);
  }
}
