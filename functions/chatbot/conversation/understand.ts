import type { KnowledgeMatcher } from '../knowledge/matcher';
import { type OfferingQuery, readOfferingQuestion } from './offering-query';

/** What a resident's message is about: a knowledge entry, a search for offerings, or neither. */
export type Understanding =
  | { kind: 'knowledge'; entryId: string; score: number }
  | { kind: 'offerings'; query: OfferingQuery }
  | { kind: 'none'; closest: string[] };

/** A knowledge match this strong wins even where the message also names an offering topic. */
const decisiveKnowledgeScore = 0.55;

/**
 * A knowledge match this clear wins even over a trigger word inside the question: "Werden meine
 * persönlichen Daten gespeichert?" is about privacy, not a request for a person.
 */
const clearKnowledgeScore = 0.7;

/** The knowledge entry a question is clearly about, if any. */
export function clearlyAbout(matcher: KnowledgeMatcher, text: string): string | undefined {
  const [top] = matcher.rank(text);
  return top && top.score >= clearKnowledgeScore ? top.entryId : undefined;
}

/**
 * Offerings, knowledge or none. An offering topic makes a message a search ("Deutschkurs in
 * Ochsenfurt") unless the knowledge base answers it clearly ("Was kam beim Workshop heraus?"), or most
 * of the message is about something else that merely contains a topic word ("who won the football
 * world cup" is not a search for a football club). A place or a language alone is not a search.
 */
export function understand(matcher: KnowledgeMatcher, text: string): Understanding {
  const reading = readOfferingQuestion(text);
  const ranked = matcher.rank(text);
  const knowledge = matcher.decide(ranked);
  const mostlyElsewhere = reading.unexplained >= 3 && reading.unexplained > 2 * reading.explained;
  if (reading.query.category !== undefined) {
    // A bare topic word ("work", "работа") in a question the knowledge base answers is about the concept
    const bare = reading.query.place === undefined && reading.query.offeredLanguage === undefined;
    if (knowledge && (bare || knowledge.score >= decisiveKnowledgeScore))
      return { kind: 'knowledge', ...knowledge };
    if (!mostlyElsewhere) return { kind: 'offerings', query: reading.query };
  }
  if (knowledge) return { kind: 'knowledge', ...knowledge };
  return { kind: 'none', closest: ranked.slice(0, 3).map((match) => match.entryId) };
}
