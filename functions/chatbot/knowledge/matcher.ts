import type { Language } from '../../shared/i18n/languages';
import { languageCodes } from '../../shared/i18n/languages';
import type { KnowledgeBase, KnowledgeEntry } from './knowledge-base';

/**
 * Finds the knowledge entry a question is about, across paraphrases, typos and languages: questions and
 * entries become vectors of character trigrams (robust to inflection and typos) weighted by how rare a
 * trigram is, compared by cosine similarity. Every language's phrasings are indexed, so a question in
 * one language also meets entries phrased in another. Below the threshold the bot does not guess.
 */
export interface KnowledgeMatch {
  entryId: string;
  score: number;
}

/** Lower case, no diacritics, Arabic and Persian letter variants unified, punctuation gone. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/\u0640/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const stopWords = new Set(
  [
    // the few words every question has, in our languages; they say nothing about the topic
    'der die das und ist was wer wie wo wann ich sie es ein eine den dem im in zu von mit für gibt',
    'the a an is are what who how where when i you it of in to for do does there',
    'و في من ما هل على عن هو هي أن',
    've bir bu ne mi mu nedir nasıl kim nerede için ile',
    'і й в у на що як де хто це з до чи',
    'и в на что как где кто это с к ли',
    'و در از به که را چه کجا کی این آیا با',
  ]
    .join(' ')
    .split(' ')
    .map(normalizeText),
);

function trigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of normalizeText(text).split(' ')) {
    if (!word || stopWords.has(word)) continue;
    const padded = ` ${word} `;
    for (let index = 0; index + 3 <= padded.length; index += 1) {
      const gram = padded.slice(index, index + 3);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

interface IndexedDocument {
  entryId: string;
  language: Language;
  vector: Map<string, number>;
  norm: number;
}

/**
 * Below this similarity the bot declines instead of answering. Chosen on the committed evaluation set
 * to keep false answers low (see README, "Chatbot evaluation").
 */
export const knowledgeThreshold = 0.55;

export class KnowledgeMatcher {
  private readonly documents: IndexedDocument[] = [];
  private readonly idf = new Map<string, number>();

  constructor(
    knowledge: KnowledgeBase,
    readonly threshold = knowledgeThreshold,
  ) {
    const raw: { entryId: string; language: Language; grams: Map<string, number> }[] = [];
    for (const language of languageCodes) {
      for (const entry of knowledge[language] ?? []) {
        for (const text of documentTexts(entry))
          raw.push({ entryId: entry.id, language, grams: trigrams(text) });
      }
    }
    const documentFrequency = new Map<string, number>();
    for (const document of raw) {
      for (const gram of document.grams.keys())
        documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
    }
    for (const [gram, frequency] of documentFrequency)
      this.idf.set(gram, Math.log(1 + raw.length / frequency));
    for (const document of raw) {
      const vector = this.weigh(document.grams);
      this.documents.push({
        entryId: document.entryId,
        language: document.language,
        vector,
        norm: norm(vector),
      });
    }
  }

  private weigh(grams: Map<string, number>): Map<string, number> {
    const vector = new Map<string, number>();
    for (const [gram, count] of grams) {
      const idf = this.idf.get(gram);
      if (idf !== undefined) vector.set(gram, (1 + Math.log(count)) * idf);
    }
    return vector;
  }

  /** The best entries for a question, best first, each with its similarity (0 to 1). */
  rank(question: string): KnowledgeMatch[] {
    const vector = this.weigh(trigrams(question));
    const questionNorm = norm(vector);
    if (questionNorm === 0) return [];
    const best = new Map<string, number>();
    for (const document of this.documents) {
      let dot = 0;
      for (const [gram, weight] of vector) dot += weight * (document.vector.get(gram) ?? 0);
      const score = dot / (questionNorm * document.norm || 1);
      if (score > (best.get(document.entryId) ?? 0)) best.set(document.entryId, score);
    }
    return [...best.entries()]
      .map(([entryId, score]) => ({ entryId, score }))
      .sort((a, b) => b.score - a.score);
  }

  /** The entry to answer with, or undefined when no entry is similar enough to answer without guessing. */
  match(question: string): KnowledgeMatch | undefined {
    const [top] = this.rank(question);
    return top && top.score >= this.threshold ? top : undefined;
  }
}

function documentTexts(entry: KnowledgeEntry): string[] {
  return [entry.title, ...entry.questions, entry.keywords.join(' ')];
}

function norm(vector: Map<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}
