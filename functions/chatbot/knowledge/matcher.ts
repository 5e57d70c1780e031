import type { Language } from '../../shared/i18n/languages';
import { languageCodes } from '../../shared/i18n/languages';
import type { KnowledgeBase, KnowledgeEntry } from './knowledge-base';
import { isStopWord, stem, tokens } from './text';

/**
 * Finds the knowledge entry a question is about, across paraphrases, typos and languages. Two views of
 * the question are combined:
 * - character trigrams weighted by rarity (TF-IDF, cosine), robust to typos, compounds and endings;
 * - word stems: how much of the question's content, weighted by rarity, an entry's phrasings cover.
 *   A question full of words the knowledge base has never seen ("tax return", "recipe") covers little
 *   of any entry, which is what keeps the bot from guessing.
 * Every language's phrasings are indexed, so a question in one language also meets entries phrased in
 * another (German terms such as "Landratsamt" or "Steuerungskreis" are shared by all).
 */
export interface KnowledgeMatch {
  entryId: string;
  score: number;
}

export { normalizeText } from './text';

function contentWords(text: string): string[] {
  return tokens(text).filter((word) => !isStopWord(word) && (word.length > 1 || /\d/.test(word)));
}

function trigrams(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let index = 0; index + 3 <= padded.length; index += 1) {
      const gram = padded.slice(index, index + 3);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

function stems(words: string[]): Set<string> {
  return new Set(words.map(stem));
}

interface IndexedPhrasing {
  entryId: string;
  norm: number;
}

interface IndexedVocabulary {
  entryId: string;
  language: Language;
  stems: Set<string>;
}

/**
 * Below this score the bot declines instead of answering. Chosen on the committed evaluation set to keep
 * false answers at or below 5 % (see README, "Chatbot evaluation").
 */
export const knowledgeThreshold = 0.44;

/**
 * When the best entry leads the runner-up by less than this and is not clearly above the threshold, the
 * question is ambiguous between two topics: the bot offers both as buttons rather than pick one.
 */
export const knowledgeMargin = 0.03;

/** How much the character view counts against the word view in the combined score. */
export const knowledgeCharacterWeight = 0.5;

export class KnowledgeMatcher {
  private readonly phrasings: IndexedPhrasing[] = [];
  /** For each trigram, the phrasings that have it and its weight there: only those are compared. */
  private readonly postings = new Map<string, { phrasing: number; weight: number }[]>();
  private readonly vocabularies: IndexedVocabulary[] = [];
  private readonly gramIdf = new Map<string, number>();
  private readonly stemIdf = new Map<string, number>();
  private readonly unknownStemIdf: number;

  constructor(
    knowledge: KnowledgeBase,
    readonly threshold = knowledgeThreshold,
    readonly margin = knowledgeMargin,
    readonly characterWeight = knowledgeCharacterWeight,
  ) {
    const raw: { entryId: string; grams: Map<string, number> }[] = [];
    for (const language of languageCodes) {
      for (const entry of knowledge[language] ?? []) {
        const texts = documentTexts(entry);
        for (const text of texts) raw.push({ entryId: entry.id, grams: trigrams(contentWords(text)) });
        this.vocabularies.push({
          entryId: entry.id,
          language,
          stems: stems(texts.flatMap(contentWords)),
        });
      }
    }
    const gramFrequency = new Map<string, number>();
    for (const document of raw)
      for (const gram of document.grams.keys()) gramFrequency.set(gram, (gramFrequency.get(gram) ?? 0) + 1);
    for (const [gram, frequency] of gramFrequency)
      this.gramIdf.set(gram, Math.log(1 + raw.length / frequency));
    for (const document of raw) {
      const vector = this.weigh(document.grams);
      const phrasing = this.phrasings.push({ entryId: document.entryId, norm: norm(vector) }) - 1;
      for (const [gram, weight] of vector) {
        const list = this.postings.get(gram) ?? [];
        list.push({ phrasing, weight });
        this.postings.set(gram, list);
      }
    }
    const stemFrequency = new Map<string, number>();
    for (const vocabulary of this.vocabularies)
      for (const word of vocabulary.stems) stemFrequency.set(word, (stemFrequency.get(word) ?? 0) + 1);
    const count = this.vocabularies.length;
    for (const [word, frequency] of stemFrequency) this.stemIdf.set(word, Math.log(1 + count / frequency));
    this.unknownStemIdf = Math.log(1 + count / 0.5);
  }

  private weigh(grams: Map<string, number>): Map<string, number> {
    const vector = new Map<string, number>();
    for (const [gram, count] of grams) {
      const idf = this.gramIdf.get(gram);
      if (idf !== undefined) vector.set(gram, (1 + Math.log(count)) * idf);
    }
    return vector;
  }

  /** The best entries for a question, best first, each with its combined similarity (0 to 1). */
  rank(question: string): KnowledgeMatch[] {
    const words = contentWords(question);
    const vector = this.weigh(trigrams(words));
    const questionNorm = norm(vector);
    if (questionNorm === 0) return [];
    const characters = new Map<string, number>();
    const dots = new Map<number, number>();
    for (const [gram, weight] of vector)
      for (const posting of this.postings.get(gram) ?? [])
        dots.set(posting.phrasing, (dots.get(posting.phrasing) ?? 0) + weight * posting.weight);
    for (const [index, dot] of dots) {
      const phrasing = this.phrasings[index];
      if (!phrasing) continue;
      const score = dot / (questionNorm * phrasing.norm || 1);
      if (score > (characters.get(phrasing.entryId) ?? 0)) characters.set(phrasing.entryId, score);
    }
    const questionStems = [...stems(words)];
    const weightOf = (word: string) => this.stemIdf.get(word) ?? this.unknownStemIdf;
    const total = questionStems.reduce((sum, word) => sum + weightOf(word), 0);
    const coverage = new Map<string, number>();
    for (const vocabulary of this.vocabularies) {
      let covered = 0;
      for (const word of questionStems) if (vocabulary.stems.has(word)) covered += weightOf(word);
      const share = total ? covered / total : 0;
      if (share > (coverage.get(vocabulary.entryId) ?? 0)) coverage.set(vocabulary.entryId, share);
    }
    return [...characters.entries()]
      .map(([entryId, score]) => ({
        entryId,
        score: this.characterWeight * score + (1 - this.characterWeight) * (coverage.get(entryId) ?? 0),
      }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * The entry to answer with, or undefined when no entry is similar enough to answer without guessing,
   * or when two entries are about equally close.
   */
  match(question: string): KnowledgeMatch | undefined {
    return this.decide(this.rank(question));
  }

  /** The threshold and margin rule applied to a ranking from {@link rank}. */
  decide(ranked: KnowledgeMatch[]): KnowledgeMatch | undefined {
    const [top, second] = ranked;
    if (!top || top.score < this.threshold) return undefined;
    const clear = top.score >= this.threshold + 0.15;
    if (!clear && second && top.score - second.score < this.margin) return undefined;
    return top;
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
