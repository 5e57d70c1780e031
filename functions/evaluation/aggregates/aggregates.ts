import { DomainError } from '../../shared/domain/errors';
import type { AggregateStore } from './aggregate-store';
import { applyChange, type Observation } from './contribution';

/** Deliveries of the same response racing each other: each retry reads what the winner applied. */
const maxAttempts = 10;

/**
 * Applies what was seen of one response (one stream record, or everything a rebuild read of it).
 *
 * 1. Read what was applied for the response, with its version.
 * 2. Join the observations into its state (`applyChange`); nothing new (a duplicate or an older
 *    record): done, nothing is written.
 * 3. Write the new state and contribution and add the delta to the survey's counters in one
 *    transaction that holds only if the response's item still has the version read in 1. When another
 *    delivery of the same response wrote first, start again at 1 with what it wrote.
 */
export async function applyObservations(
  store: AggregateStore,
  observations: readonly Observation[],
): Promise<'applied' | 'ignored'> {
  const [first] = observations;
  if (!first) return 'ignored';
  for (let attempt = 1; ; attempt += 1) {
    const known = await store.applied(first.surveyId, first.invitationId);
    const change = applyChange(known?.applied, observations);
    if (!change) return 'ignored';
    try {
      await store.apply(change, known?.version ?? 0);
      return 'applied';
    } catch (error) {
      const raced =
        error instanceof DomainError && (error.code === 'version_conflict' || error.code === 'conflict');
      if (!raced || attempt >= maxAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** What a rebuild reads of a survey: its invitations and every submitted version, by keyed Queries. */
export interface ResponseSource {
  observations(surveyId: string): Promise<Observation[]>;
}

/**
 * Builds a survey's aggregate from the table (surveys created before the stream was on, or after
 * records were lost to the dead-letter queue): every response's items go through the same join and
 * transaction as stream records, so a rebuild while the stream is running counts nothing twice. Marks
 * the aggregate complete at the end, from when on the dashboard reads it.
 */
export async function rebuildAggregate(
  deps: { aggregates: AggregateStore; responses: ResponseSource; now: () => Date },
  surveyId: string,
): Promise<{ responses: number; applied: number }> {
  const perResponse = new Map<string, Observation[]>();
  for (const seen of await deps.responses.observations(surveyId)) {
    perResponse.set(seen.invitationId, [...(perResponse.get(seen.invitationId) ?? []), seen]);
  }
  let applied = 0;
  for (const observations of perResponse.values()) {
    if ((await applyObservations(deps.aggregates, observations)) === 'applied') applied += 1;
  }
  await deps.aggregates.markComplete(surveyId, deps.now().toISOString());
  return { responses: perResponse.size, applied };
}
