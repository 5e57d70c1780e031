import { logger } from '../../shared/log/logger';
import type { KnowledgeBase, Milestone } from './knowledge-base';
import { KnowledgeMatcher } from './matcher';
import { type KnowledgeOverrides, type MergedKnowledge, mergeKnowledge } from './merge';

/** Where staff edits come from (the store in production, a fake in unit tests). */
export interface KnowledgeOverrideSource {
  revision(): Promise<string | undefined>;
  overrides(): Promise<KnowledgeOverrides>;
}

/** What a turn needs: the merged knowledge and a matcher built from exactly that knowledge. */
export interface CurrentKnowledge extends MergedKnowledge {
  matcher: KnowledgeMatcher;
  revision: string | undefined;
}

export interface LiveKnowledgeOptions {
  seed: KnowledgeBase;
  seedMilestones: Milestone[];
  source: KnowledgeOverrideSource;
  /** How long a checked revision is trusted before the revision item is read again. */
  checkEveryMs: number;
  now?: () => number;
  buildMatcher?: (base: KnowledgeBase) => KnowledgeMatcher;
}

/**
 * The knowledge base as staff left it, without a deploy and without slowing turns down: the bot
 * reads one small revision item at most every `checkEveryMs`, and only when the revision changed does
 * it load the overrides and rebuild the matcher. Concurrent turns share one refresh.
 */
export class LiveKnowledge {
  private current: CurrentKnowledge | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<CurrentKnowledge> | undefined;
  private readonly now: () => number;
  private readonly buildMatcher: (base: KnowledgeBase) => KnowledgeMatcher;

  constructor(private readonly options: LiveKnowledgeOptions) {
    this.now = options.now ?? Date.now;
    this.buildMatcher = options.buildMatcher ?? ((base) => new KnowledgeMatcher(base));
  }

  async get(): Promise<CurrentKnowledge> {
    if (this.current && this.now() - this.checkedAt < this.options.checkEveryMs) return this.current;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<CurrentKnowledge> {
    let revision: string | undefined;
    let overrides: KnowledgeOverrides = { entries: [], milestones: [] };
    try {
      revision = await this.options.source.revision();
      if (this.current && revision === this.current.revision) {
        this.checkedAt = this.now();
        return this.current;
      }
      if (revision) overrides = await this.options.source.overrides();
    } catch (error) {
      // The store is unreachable: answer with what is known (the seeded files at worst), try again later.
      logger.error('knowledge refresh failed', {
        errorType: error instanceof Error ? error.name : 'unknown',
      });
      this.checkedAt = this.now();
      if (this.current) return this.current;
      revision = undefined;
      overrides = { entries: [], milestones: [] };
    }
    this.checkedAt = this.now();
    const merged = mergeKnowledge(this.options.seed, this.options.seedMilestones, overrides);
    this.current = { ...merged, matcher: this.buildMatcher(merged.base), revision };
    return this.current;
  }
}
