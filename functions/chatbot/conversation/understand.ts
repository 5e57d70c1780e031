import type { KnowledgeMatcher } from '../knowledge/matcher';
import { type OfferingQuery, parseOfferingQuery } from './offering-query';

/** What a resident's message is about: a knowledge entry, a search for offerings, or neither. */
export type Understanding =
  | { kind: 'knowledge'; entryId: string; score: number }
  | { kind: 'offerings'; query: OfferingQuery }
  | { kind: 'none'; closest: string[] };

/** A knowledge match this strong wins even where the message also names an offering topic. */
const decisiveKnowledgeScore = 0.6;

export function understand(matcher: KnowledgeMatcher, text: string): Understanding {
  const query = parseOfferingQuery(text);
  const ranked = matcher.rank(text);
  const top = ranked[0];
  const knowledge = top && top.score >= matcher.threshold ? top : undefined;
  // A topic of an offering makes it a search; a place or a language alone does not.
  if (query.category !== undefined) {
    if (knowledge && knowledge.score >= decisiveKnowledgeScore) return { kind: 'knowledge', ...knowledge };
    return { kind: 'offerings', query };
  }
  if (knowledge) return { kind: 'knowledge', ...knowledge };
  return { kind: 'none', closest: ranked.slice(0, 3).map((match) => match.entryId) };
}
